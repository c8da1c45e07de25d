package ca.constituent.hostile;

import static ca.constituent.hostile.HostileValues.label;

import ca.constituent.hostile.BodyCases.Endpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Well-formed bodies with one hostile value in one field, for every field people type. */
final class FieldCases {

    private final List<HostileCase> cases = new ArrayList<>();

    private FieldCases() {
    }

    static List<HostileCase> all(Endpoint sign, Endpoint preview, Endpoint send, Endpoint riding) {
        FieldCases f = new FieldCases();
        f.signature(sign);
        f.preview(preview);
        f.letter(send);
        f.each(riding, "fedCode", HostileValues.lineBreaksAround("35079"));
        f.each(riding, "fedCode", listed(HostileValues.FED_CODES));
        f.signatureForm(sign);
        return f.cases;
    }

    private void signature(Endpoint sign) {
        for (String name : List.of("firstName", "lastName")) {
            each(sign, name, HostileValues.oneLine("Marie"));
            each(sign, name, Map.of("too-long", "n".repeat(101), "far-too-long", "n".repeat(5000),
                    "zalgo", "Z" + "\u0336".repeat(120), "nul-script", "<script>alert(1)</script>\u0000"));
        }
        each(sign, "email", HostileValues.oneLine("corpus@example.ca"));
        each(sign, "email", listed(HostileValues.EMAILS));
        each(sign, "postalCode", HostileValues.oneLine("K1A 0A6"));
        each(sign, "postalCode", listed(HostileValues.POSTAL_CODES));
        each(sign, "language", HostileValues.oneLine("en"));
        each(sign, "language", listed(HostileValues.LANGUAGES));
        each(sign, "consentUpdates", HostileValues.lineBreaksAround("true"));
        each(sign, "consentUpdates", listed(HostileValues.CONSENTS));
        each(sign, "fedCode", HostileValues.lineBreaksAround("35079"));
        each(sign, "fedCode", listed(HostileValues.FED_CODES));
        each(sign, "personalNote", HostileValues.unicodeInside("A few words"));
        each(sign, "personalNote", Map.of("too-long", "n".repeat(2001)));
        Map<String, Object> withLongitude = new LinkedHashMap<>(sign.valid());
        withLongitude.put("longitude", "-75.7");
        for (String latitude : HostileValues.COORDINATES) {
            add(sign, withLongitude, "latitude", latitude);
        }
        Map<String, Object> withLatitude = new LinkedHashMap<>(sign.valid());
        withLatitude.put("latitude", 45.4);
        for (String longitude : HostileValues.LONGITUDES) {
            add(sign, withLatitude, "longitude", longitude);
        }
        add(sign, sign.valid(), "latitude", "45.4236");
    }

    private void preview(Endpoint preview) {
        each(preview, "firstName", HostileValues.oneLine("Marie"));
        each(preview, "lastName", HostileValues.oneLine("Tremblay"));
        each(preview, "language", HostileValues.lineBreaksAround("fr"));
        each(preview, "language", listed(HostileValues.LANGUAGES));
        each(preview, "personalNote", HostileValues.unicodeInside("A few words"));
        each(preview, "personalNote", Map.of("too-long", "n".repeat(2001)));
        each(preview, "firstName", Map.of("too-long", "n".repeat(101)));
    }

    private void letter(Endpoint send) {
        each(send, "subject", HostileValues.oneLine("Please act"));
        each(send, "subject", Map.of("empty", "", "blank", "   ", "too-long", "s".repeat(201)));
        each(send, "body", HostileValues.unicodeInside("Dear MP, please act."));
        each(send, "body", Map.of("empty", "", "blank", " \n\t ", "too-long", "b".repeat(10_001)));
    }

    /** The plain HTML form's post: a script gets problem+json, a browser the form again with its errors. */
    private void signatureForm(Endpoint sign) {
        for (String field : List.of("firstName", "lastName", "email", "postalCode", "language", "consentUpdates",
                "fedCode")) {
            String valid = String.valueOf(sign.valid().getOrDefault(field, field.equals("fedCode") ? "35079" : "on"));
            Map<String, String> breaks = HostileValues.lineBreaksAround(valid);
            for (String variant : List.of("crlf-bcc", "trailing-crlf", "nel")) {
                Map<String, Object> body = new LinkedHashMap<>(sign.valid());
                body.put(field, breaks.get(variant));
                cases.add(HostileCase.form(sign.label() + " form " + field + " " + variant, sign.target(),
                        Map.of(), encode(body)));
            }
        }
        for (String variant : List.of("crlf-bcc", "rlo", "nul")) {
            Map<String, Object> body = new LinkedHashMap<>(sign.valid());
            body.put("firstName", HostileValues.oneLine("Marie").get(variant));
            cases.add(HostileCase.form(sign.label() + " browser form firstName " + variant, sign.target(),
                    Map.of("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"), encode(body)));
        }
    }

    private static String encode(Map<String, Object> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> listed(List<String> values) {
        Map<String, String> labelled = new LinkedHashMap<>();
        for (String value : values) {
            labelled.put(label(value), value);
        }
        return labelled;
    }

    private void each(Endpoint e, String field, Map<String, String> values) {
        for (Map.Entry<String, String> value : values.entrySet()) {
            Map<String, Object> body = new LinkedHashMap<>(e.valid());
            body.put(field, value.getValue());
            cases.add(HostileCase.json(e.label() + " " + field + " " + value.getKey(), e.method(), e.target(),
                    e.headers(), BodyCases.write(body)));
        }
    }

    private void add(Endpoint e, Map<String, Object> base, String field, String value) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        body.put(field, value);
        cases.add(HostileCase.json(e.label() + " " + field + " " + label(value), e.method(), e.target(),
                e.headers(), BodyCases.write(body)));
    }
}
