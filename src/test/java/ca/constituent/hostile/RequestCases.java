package ca.constituent.hostile;

import static ca.constituent.hostile.HostileValues.label;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Hostile paths, queries, headers, methods, media types and sizes across the public routes. */
final class RequestCases {

    /** Signatures the corpus aims at: one confirmed with a riding (its letter can be sent), one pending. */
    record Targets(UUID letterId, String letterKey, UUID pendingId, String pendingKey) {
    }

    static final String CAMPAIGN = "end-ice-complicity";
    static final String SIGN = "/api/campaigns/" + CAMPAIGN + "/signatures";

    private static final List<String> SLUGS = List.of("%00", "nope", "NOPE", "End-Ice-Complicity", CAMPAIGN + "%00",
            CAMPAIGN + "%0D%0A", CAMPAIGN + "-", "-" + CAMPAIGN, "..%2f..%2fetc%2fpasswd", "a".repeat(200),
            "%C0%80", "%FF", "%E2%80%AE" + CAMPAIGN, "'%20OR%20'1'%3D'1", "%3Cscript%3E", "%zz", "%", "x%20y",
            "%EF%BC%A5nd-ice-complicity", "end%E2%80%8Bice-complicity");

    private static final List<String> IDS = List.of("not-a-uuid", "%00", "00000000-0000-0000-0000-000000000000",
            "123e4567-e89b-12d3-a456-42661417400", "%7B123e4567-e89b-12d3-a456-426614174000%7D",
            "123e4567-e89b-12d3-a456-426614174000%00", "'%20OR%201%3D1--", "%zz", "1",
            "123e4567-e89b-12d3-a456-4266141740000", "%E2%80%AE23e4567-e89b-12d3-a456-426614174000");

    private final List<HostileCase> cases = new ArrayList<>();
    private final Targets t;

    private RequestCases(Targets targets) {
        this.t = targets;
    }

    static List<HostileCase> all(Targets targets) {
        RequestCases r = new RequestCases(targets);
        r.slugs();
        r.ids();
        r.keys();
        r.ridings();
        r.headers();
        r.sizes();
        r.methodsAndMediaTypes();
        return r.cases;
    }

    private static final String SIGNATURE = "{\"firstName\":\"Marie\",\"lastName\":\"Tremblay\","
            + "\"email\":\"corpus@example.ca\",\"postalCode\":\"K1A 0A6\"}";

    private void slugs() {
        for (String slug : SLUGS) {
            String s = label(slug);
            cases.add(HostileCase.get("campaign slug " + s, "/api/campaigns/" + slug, Map.of()));
            cases.add(HostileCase.get("counts slug " + s, "/api/campaigns/" + slug + "/counts", Map.of()));
            cases.add(HostileCase.json("sign slug " + s, "POST", "/api/campaigns/" + slug + "/signatures", Map.of(),
                    SIGNATURE));
            cases.add(HostileCase.json("letter-preview slug " + s, "POST", "/api/campaigns/" + slug
                    + "/letter-preview", Map.of(), "{\"firstName\":\"Marie\"}"));
            cases.add(HostileCase.get("form page slug " + s, "/campaigns/" + slug,
                    Map.of("Accept", "text/html,*/*;q=0.8")));
            cases.add(HostileCase.get("thanks page slug " + s, "/campaigns/" + slug + "/thanks", Map.of()));
        }
    }

    private void ids() {
        List<String> ids = new ArrayList<>(IDS);
        ids.add(UUID.randomUUID().toString());
        String key = "key=" + t.letterKey();
        for (String id : ids) {
            String s = label(id);
            cases.add(HostileCase.get("confirm page id " + s, "/confirm/" + id + "?" + key,
                    Map.of("Accept", "text/html")));
            cases.add(HostileCase.form("confirm button id " + s, "/confirm/" + id, Map.of(), key));
            cases.add(HostileCase.json("confirmation id " + s, "POST", "/api/signatures/" + id + "/confirmation",
                    Map.of(), "{\"key\":\"" + t.letterKey() + "\"}"));
            cases.add(HostileCase.get("mp-email id " + s, "/api/signatures/" + id + "/mp-email?" + key, Map.of()));
            cases.add(HostileCase.json("mp-email send id " + s, "POST", "/api/signatures/" + id + "/mp-email/send",
                    Map.of("X-Signer-Key", t.letterKey()), "{\"subject\":\"Please act\"}"));
            cases.add(HostileCase.json("riding choice id " + s, "PUT", "/api/signatures/" + id + "/riding",
                    Map.of("X-Signer-Key", t.letterKey()), "{\"fedCode\":\"35079\"}"));
            cases.add(HostileCase.get("letter page id " + s, "/letter/" + id + "?" + key, Map.of("Accept",
                    "text/html")));
            cases.add(HostileCase.form("letter send id " + s, "/letter/" + id, Map.of(), key + "&subject=Hi"));
            cases.add(HostileCase.form("letter riding id " + s, "/letter/" + id + "/riding", Map.of(),
                    key + "&fedCode=35079"));
        }
    }

    private void keys() {
        String letter = "/api/signatures/" + t.letterId();
        String pending = "/api/signatures/" + t.pendingId();
        for (Map.Entry<String, String> k : keys(t.letterKey(), t.pendingKey()).entrySet()) {
            String key = k.getValue();
            String name = k.getKey();
            cases.add(HostileCase.get("mp-email key " + name, letter + "/mp-email?key=" + key, Map.of()));
            cases.add(HostileCase.json("mp-email send key " + name, "POST", letter + "/mp-email/send?key=" + key,
                    Map.of(), "{\"subject\":\"Please act\"}"));
            cases.add(HostileCase.get("letter page key " + name, "/letter/" + t.letterId() + "?key=" + key,
                    Map.of("Accept", "text/html")));
            String decoded = URLDecoder.decode(key, StandardCharsets.UTF_8);
            if (decoded.chars().allMatch(c -> c >= 0x20 && c < 0x7F) && decoded.equals(decoded.strip())) {
                cases.add(HostileCase.get("mp-email header key " + name, letter + "/mp-email",
                        Map.of("X-Signer-Key", decoded)));
            }
        }
        for (Map.Entry<String, String> k : keys(t.pendingKey(), t.letterKey()).entrySet()) {
            String key = k.getValue();
            String name = k.getKey();
            cases.add(HostileCase.json("riding choice key " + name, "PUT", pending + "/riding?key=" + key,
                    Map.of(), "{\"fedCode\":\"35079\"}"));
            cases.add(HostileCase.get("confirm page key " + name, "/confirm/" + t.pendingId() + "?key=" + key,
                    Map.of("Accept", "text/html")));
            cases.add(HostileCase.form("confirm button key " + name, "/confirm/" + t.pendingId(), Map.of(),
                    "key=" + key));
            cases.add(HostileCase.json("confirmation key " + name, "POST", pending + "/confirmation", Map.of(),
                    "{\"key\":" + BodyCases.value(URLDecoder.decode(key, StandardCharsets.UTF_8)) + "}"));
        }
    }

    /** Wrong keys for a signature whose key is {@code right}, URL-encoded; {@code other} is another's key. */
    private static Map<String, String> keys(String right, String other) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("empty", "");
        keys.put("short", "x");
        keys.put("other-signature", other);
        keys.put("nul-suffix", right + "%00");
        keys.put("crlf-suffix", right + "%0D%0A");
        keys.put("space-suffix", right + "%20");
        keys.put("upper-case", right.toUpperCase(java.util.Locale.ROOT));
        keys.put("truncated", right.substring(0, right.length() - 1));
        keys.put("huge", "a".repeat(3000));
        keys.put("sql", "'%20OR%20'1'%3D'1");
        keys.put("fullwidth-first", "%EF%BC%A1" + right.substring(1));
        return keys;
    }

    private void ridings() {
        for (String code : List.of("0000", "00000", "%00", "35079%00", "abcde", "99999", "35079%0D%0A", "%zz",
                "%EF%BC%93%EF%BC%95%EF%BC%90%EF%BC%97%EF%BC%99")) {
            cases.add(HostileCase.get("riding code " + label(code), "/api/ridings/" + code, Map.of()));
        }
        List<String> postalCodes = new ArrayList<>(HostileValues.POSTAL_CODES);
        postalCodes.addAll(List.of("K1A\r\n0A6", "K1A 0A6\r\n", "\u0000K1A0A6", "K1A\u202E0A6", ""));
        for (String postalCode : postalCodes) {
            cases.add(HostileCase.get("lookup " + label(postalCode), "/api/ridings/lookup?postalCode="
                    + URLEncoder.encode(postalCode, StandardCharsets.UTF_8), Map.of()));
        }
        cases.add(HostileCase.get("lookup without postal code", "/api/ridings/lookup", Map.of()));
        cases.add(HostileCase.get("lookup bad escape", "/api/ridings/lookup?postalCode=%zz", Map.of()));
        cases.add(HostileCase.get("lookup lone percent", "/api/ridings/lookup?postalCode=K1A%", Map.of()));
        for (String latitude : HostileValues.COORDINATES) {
            cases.add(HostileCase.get("locate lat " + label(latitude), "/api/ridings/locate?lon=-75.7&lat="
                    + URLEncoder.encode(latitude, StandardCharsets.UTF_8), Map.of()));
        }
        for (String longitude : HostileValues.LONGITUDES) {
            cases.add(HostileCase.get("locate lon " + label(longitude), "/api/ridings/locate?lat=45.4&lon="
                    + URLEncoder.encode(longitude, StandardCharsets.UTF_8), Map.of()));
        }
        cases.add(HostileCase.get("locate without lon", "/api/ridings/locate?lat=45.4", Map.of()));
        cases.add(HostileCase.get("locate bad escape", "/api/ridings/locate?lat=%zz&lon=1", Map.of()));
        cases.add(HostileCase.get("locate mid-ocean", "/api/ridings/locate?lat=0&lon=-30", Map.of()));
    }

    private void headers() {
        Map<String, Map<String, String>> headers = new LinkedHashMap<>();
        headers.put("accept-language garbage", Map.of("Accept-Language", "fr;q=abc, *;q=NaN, ;;;,,,"));
        headers.put("accept-language huge", Map.of("Accept-Language", "fr-CA,".repeat(1000)));
        headers.put("accept-language unicode", Map.of("Accept-Language", "\u00e9n"));
        headers.put("host format string", Map.of("Host", "%n%s%n%s%n%s"));
        headers.put("host bad ipv6", Map.of("Host", "[::1"));
        headers.put("host empty port", Map.of("Host", "localhost:"));
        headers.put("host port letters", Map.of("Host", "localhost:abc"));
        headers.put("accept garbage", Map.of("Accept", "garbage/////"));
        headers.put("accept bad quality", Map.of("Accept", "application/json;q=abc"));
        headers.put("forwarded garbage", Map.of("X-Forwarded-For", "not-an-ip, %00, ::::", "Forwarded", "for=\""));
        headers.put("signer key unicode", Map.of("X-Signer-Key", "\u00e9\u202e"));
        headers.put("cookie garbage", Map.of("Cookie", "a=\"; b; =; ;;"));
        for (Map.Entry<String, Map<String, String>> h : headers.entrySet()) {
            cases.add(HostileCase.get("header " + h.getKey() + " on unknown campaign", "/api/campaigns/nope",
                    h.getValue()));
            cases.add(HostileCase.get("header " + h.getKey() + " on bad lookup", "/api/ridings/lookup?postalCode=W1A",
                    h.getValue()));
            cases.add(HostileCase.json("header " + h.getKey() + " on invalid signature", "POST", SIGN, h.getValue(),
                    "{\"firstName\":\"Marie\"}"));
        }
    }

    private void sizes() {
        String query = "?q=" + "a".repeat(5000);
        for (String target : List.of("/api/campaigns" + query, "/api/ridings/lookup?postalCode=" + "K".repeat(5000),
                "/campaigns/" + CAMPAIGN + query, "/api/campaigns/" + "a".repeat(5000), SIGN + query)) {
            cases.add(HostileCase.get("uri of " + target.length() + " characters " + target.substring(0, 16),
                    target, Map.of()));
        }
        cases.add(HostileCase.get("one header of 20 KB", "/api/campaigns", Map.of("X-Big", "b".repeat(20_000))));
        cases.add(HostileCase.get("cookie of 17 KB", "/api/campaigns", Map.of("Cookie", "c=" + "c".repeat(17_000))));
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            many.put("X-Header-" + i, "value-" + i);
        }
        cases.add(HostileCase.get("1000 headers", "/api/campaigns", many));
        cases.add(HostileCase.json("signature body of 50 KB", "POST", SIGN, Map.of(),
                "{\"firstName\":\"" + "a".repeat(50_000) + "\"}"));
        cases.add(HostileCase.json("letter body of 200 KB", "POST", "/api/signatures/" + t.letterId()
                + "/mp-email/send", Map.of("X-Signer-Key", t.letterKey()), "{\"body\":\"" + "b".repeat(200_000)
                + "\"}"));
        cases.add(HostileCase.json("preview body of 50 KB", "POST", "/api/campaigns/" + CAMPAIGN + "/letter-preview",
                Map.of(), "{\"personalNote\":\"" + "n".repeat(50_000) + "\"}"));
        cases.add(HostileCase.of("chunked signature without length", "POST", SIGN,
                Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"),
                ("5\r\n{\"a\":\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    private void methodsAndMediaTypes() {
        for (String method : List.of("DELETE", "PATCH", "PUT", "TRACE")) {
            cases.add(HostileCase.of("method " + method + " on signatures", method, SIGN, Map.of(), null));
        }
        cases.add(HostileCase.of("method DELETE on a campaign", "DELETE", "/api/campaigns/" + CAMPAIGN, Map.of(),
                null));
        cases.add(HostileCase.of("method POST on ridings", "POST", "/api/ridings", Map.of(), null));
        Map<String, String> types = new LinkedHashMap<>();
        types.put("text/plain", SIGNATURE);
        types.put("application/xml", "<signature><firstName>Marie</firstName></signature>");
        types.put("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"firstName\""
                + "\r\n\r\nMarie\r\n--x--\r\n");
        types.put("application/jsonx", SIGNATURE);
        types.put("application/json; charset=ebcdic", SIGNATURE.replace("Marie", "Ma\r\nrie"));
        types.put("application/json; charset=\"", SIGNATURE.replace("Marie", "Ma\u0000rie"));
        types.put("application/json", "firstName=Marie&lastName=Tremblay&email=corpus%40example.ca");
        types.put("application/x-www-form-urlencoded", SIGNATURE);
        types.put("", SIGNATURE);
        for (Map.Entry<String, String> type : types.entrySet()) {
            cases.add(HostileCase.of("content type '" + type.getKey() + "' on signatures", "POST", SIGN,
                    Map.of("Content-Type", type.getKey()), type.getValue().getBytes(StandardCharsets.UTF_8)));
        }
    }
}
