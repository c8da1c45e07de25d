package ca.constituent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signatures;
import ca.constituent.support.Signatures.Signed;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Forms posted by browsers carry every field up to the length validation allows, in any script, through the real
 * HTTP stack; bodies over the total limit get a page in the signer's language, never raw JSON.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class FormLimitsTest {

    static final String SIGN = "/api/campaigns/end-ice-complicity/signatures";

    @Inject
    Signatures signatures;

    @Inject
    Sql sql;

    /** A text of exactly {@code codePoints} code points, repeating {@code unit}, with a line break now and then. */
    static String text(String unit, int codePoints) {
        int[] units = unit.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < codePoints - 1; i++) {
            out.appendCodePoint(i % 80 == 40 ? '\n' : units[i % units.length]);
        }
        return out.append('.').toString();
    }

    /** The body a browser sends: every field percent-encoded as UTF-8, line breaks as CR LF. */
    static String encoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().replace("\n", "\r\n"),
                        StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Posts as a French browser does, with the JDK's HTTP client: no test-library encoding in between. */
    static Page postForm(String path, Map<String, String> fields) {
        return post(path, encoded(fields), "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    static Page post(String path, String body, String accept) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                            .header("Accept", accept)
                            .header("Accept-Language", "fr-CA,fr;q=0.9")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII))
                            .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Language").orElse(""),
                    response.headers().firstValue("Location").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Page(int status, String type, String language, String location, String body) {

        Page is(int expected) {
            assertEquals(expected, status, body.contains("<main>") ? body.substring(body.indexOf("<main>")) : body);
            return this;
        }

        Page html() {
            assertTrue(type.startsWith("text/html"), type);
            assertFalse(body.contains("\"status\":"), "a problem+json body, not a page: " + body);
            return this;
        }

        Page contains(String text) {
            assertTrue(body.contains(text), () -> "no " + text + " in " + body);
            return this;
        }
    }

    Map<String, String> letter(Signed s, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", s.key());
        fields.put("subject", text("Lettre d’une électrice inquiète – ", 200).replace('\n', 'é'));
        fields.put("body", body);
        fields.put("copyToSigner", "true");
        return fields;
    }

    @Test
    void aFrenchLetterOfTenThousandCharactersIsSentFromTheLetterPage() {
        Signed s = signatures.signAndConfirm(Signatures.in("B3H 1A1", "fr"));
        String body = text("Madame la députée, à Montréal l’été déçoit ça où œuvre ", 10_000);
        String wire = encoded(letter(s, body));
        postForm("/letter/" + s.id() + "?lang=fr", letter(s, body))
                .is(200).contains("Votre lettre est en route");
        String stored = (String) sql.rows("SELECT body FROM mp_email WHERE signature_id = ?", s.id()).get(0)
                .get("body");
        assertEquals(10_000, stored.codePointCount(0, stored.length()), "wire bytes " + wire.length());
    }

    @Test
    void aLetterInFourByteCharactersAtTheLimitIsAcceptedToo() {
        Signed s = signatures.signAndConfirm(Signatures.in("B3H 1A1", "fr"));
        String body = text("漢字かな𝔸𝔹", 10_000);
        postForm("/letter/" + s.id() + "?lang=fr", letter(s, body)).is(200);
        String stored = (String) sql.rows("SELECT body FROM mp_email WHERE signature_id = ?", s.id()).get(0)
                .get("body");
        assertEquals(10_000, stored.codePointCount(0, stored.length()));
    }

    @Test
    void oneCharacterTooManyIsAFieldErrorOnThePageNotARefusal() {
        Signed s = signatures.signAndConfirm(Signatures.in("B3H 1A1", "fr"));
        postForm("/letter/" + s.id() + "?lang=fr", letter(s, text("é", 10_001)))
                .is(400).html().contains("<textarea");
        assertEquals(0L, sql.count("SELECT count(*) FROM mp_email WHERE signature_id = '" + s.id() + "'"));
    }

    @Test
    void aFrenchSignatureWithANoteOfTwoThousandCharactersIsAccepted() {
        String email = "note-" + java.util.UUID.randomUUID() + "@example.ca";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("language", "fr");
        fields.put("firstName", "Élise-Hélène");
        fields.put("lastName", "Côté-Gagnon");
        fields.put("email", email);
        fields.put("postalCode", "H2X 1Y4");
        fields.put("personalNote", text("Ma voisine a été détenue à la frontière l’été dernier 漢𝔸 ", 2_000));
        fields.put("consentUpdates", "true");
        Page page = postForm(SIGN + "?lang=fr", fields).is(303);
        assertTrue(page.location().contains("/thanks"), page.location());
        String note = (String) sql.rows("SELECT personal_note FROM signature WHERE email = ?", email).get(0)
                .get("personal_note");
        assertEquals(2_000, note.codePointCount(0, note.length()));
    }

    @Test
    void aBodyOverTheLimitIsAPageInTheSignersLanguage() {
        Signed s = signatures.signAndConfirm(Signatures.in("B3H 1A1", "fr"));
        Map<String, String> huge = letter(s, "é".repeat(60_000));
        postForm("/letter/" + s.id() + "?lang=fr", huge)
                .is(413).html().contains("<html lang=\"fr\"").contains("trop");
        Map<String, String> note = new LinkedHashMap<>();
        note.put("language", "fr");
        note.put("personalNote", "é".repeat(20_000));
        postForm(SIGN + "?lang=fr", note)
                .is(413).html().contains("<html lang=\"fr\"");
    }

    @Test
    void scriptsStillGetProblemJsonForTooLargeBodies() {
        Page page = post(SIGN, "personalNote=" + "%C3%A9".repeat(25_000), "application/json").is(413);
        assertEquals("application/problem+json", page.type());
    }
}
