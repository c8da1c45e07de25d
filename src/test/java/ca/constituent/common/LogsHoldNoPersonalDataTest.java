package ca.constituent.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.signature.SignerKeys;
import ca.constituent.support.PostgresResource;
import ca.constituent.support.Sql;
import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * Runs realistic traffic (signing, confirming, letters, lookups and errors, with the personal data in valid and
 * invalid places) with a handler on the root logger that keeps every line, then checks that no line holds a name,
 * email address, full postal code, client IP or signer key the traffic used.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class LogsHoldNoPersonalDataTest {

    static final String FIRST = "Zéphirine";
    static final String LAST = "Quaglieri-Ostrowski";
    static final String EMAIL = "zephirine.quaglieri+logs@example.ca";
    static final String POSTAL = "B3H 1A1";
    static final String CAMPAIGN = "/api/campaigns/end-ice-complicity";

    @Inject
    Sql sql;

    @Inject
    SignerKeys keys;

    /** Every record, formatted with its parameters and the messages of its exceptions. */
    static final class Collector extends Handler {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            StringWriter all = new StringWriter().append(record.getLoggerName()).append(' ').append(message);
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(all));
            }
            lines.add(all.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void noLogLineHoldsANameEmailPostalCodeIpOrKey() {
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("ca.constituent");
        Level before = ours.getLevel();
        Collector collector = new Collector();
        collector.setLevel(Level.ALL);
        root.addHandler(collector);
        ours.setLevel(Level.FINE);
        List<String> secrets;
        try {
            Log.info("log collection started");
            secrets = traffic();
        } finally {
            root.removeHandler(collector);
            ours.setLevel(before);
        }
        assertTrue(collector.lines.stream().anyMatch(l -> l.contains("log collection started")),
                "the collector sees the service's log lines");
        assertTrue(leaks("x " + EMAIL.toUpperCase(Locale.ROOT) + " y", secrets), "the check finds what it seeks");
        List<String> leaking = collector.lines.stream().filter(l -> leaks(l, secrets)).toList();
        assertEquals(List.of(), leaking, "log lines with personal data");
    }

    /**
     * The outbox sends after the requests above were answered, so its lines may fall outside the collection. The
     * mailer logs each mail whole (addresses, names, private links) at INFO when it is the mock of dev mode:
     * that logger must be quiet in every profile.
     */
    @Test
    void theMailerNeverLogsAMailWhole() {
        assertFalse(Logger.getLogger("quarkus-mailer").isLoggable(Level.INFO),
                "the mailer logs mails at INFO, with their addresses and links");
    }

    static boolean leaks(String line, List<String> secrets) {
        String lower = line.toLowerCase(Locale.ROOT);
        return secrets.stream().anyMatch(s -> lower.contains(s.toLowerCase(Locale.ROOT)));
    }

    /** Signs, confirms, writes the letter, looks up and sends bad requests; returns the values never to log. */
    private List<String> traffic() {
        Map<String, Object> signer = Map.of("firstName", FIRST, "lastName", LAST, "email", EMAIL,
                "postalCode", POSTAL, "language", "fr", "personalNote", "Je vis à " + POSTAL + ".");
        given().contentType(ContentType.JSON).body(signer).when().post(CAMPAIGN + "/signatures")
                .then().statusCode(202);
        UUID id = (UUID) sql.rows("SELECT id FROM signature WHERE email = ?", EMAIL).get(0).get("id");
        String key = keys.keyFor(id);
        given().formParam("firstName", FIRST).formParam("lastName", LAST).formParam("email", "form-" + EMAIL)
                .formParam("postalCode", "b3h1a1").accept("text/html").redirects().follow(false).when().post(CAMPAIGN + "/signatures")
                .then().statusCode(303);
        given().when().get("/confirm/" + id + "?key=" + key).then().statusCode(200);
        given().formParam("key", key).when().post("/confirm/" + id).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("key", key + "x"))
                .when().post("/api/signatures/" + id + "/confirmation").then().statusCode(404);
        given().header("X-Signer-Key", key).when().get("/api/signatures/" + id + "/mp-email").then().statusCode(200);
        given().when().get("/letter/" + id + "?key=" + key).then().statusCode(200);
        given().header("X-Signer-Key", key).contentType(ContentType.JSON)
                .body(Map.of("subject", "De " + FIRST + " " + LAST, "body", "Je suis " + FIRST + ", " + POSTAL))
                .when().post("/api/signatures/" + id + "/mp-email/send").then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("firstName", FIRST, "lastName", LAST, "postalCode", POSTAL))
                .when().post(CAMPAIGN + "/letter-preview").then().statusCode(200);
        given().queryParam("postalCode", POSTAL).when().get("/api/ridings/lookup").then().statusCode(200);
        given().queryParam("lat", "44.6366").queryParam("lon", "-63.5917").when().get("/api/ridings/locate")
                .then().statusCode(200);
        errors(id, key);
        return List.of(FIRST, LAST, EMAIL, "form-" + EMAIL, POSTAL, POSTAL.replace(" ", ""), key, "127.0.0.1",
                "0:0:0:0:0:0:0:1");
    }

    private void errors(UUID id, String key) {
        given().contentType(ContentType.JSON).body(Map.of("firstName", FIRST, "lastName", LAST + "\r\nBcc: x",
                "email", EMAIL + ">", "postalCode", POSTAL + "\u0000")).when().post(CAMPAIGN + "/signatures")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"email\": \"" + EMAIL + "\", \"firstName\": 7}")
                .when().post(CAMPAIGN + "/signatures").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"email\": \"" + EMAIL + "\", \"" + LAST + "\": \"x\"}")
                .when().post(CAMPAIGN + "/signatures").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"email\": \"" + EMAIL + "\"} {\"lastName\": \"" + LAST + "\"}")
                .when().post(CAMPAIGN + "/signatures").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("email", EMAIL, "personalNote", LAST.repeat(5000)))
                .when().post(CAMPAIGN + "/signatures").then().statusCode(413);
        given().contentType(ContentType.JSON).body(Map.of("firstName", FIRST, "lastName", LAST, "email", EMAIL,
                "postalCode", POSTAL)).when().post("/api/campaigns/" + EMAIL + "/signatures").then().statusCode(404);
        given().queryParam("postalCode", POSTAL + "\r\n" + EMAIL).when().get("/api/ridings/lookup")
                .then().statusCode(400);
        given().queryParam("note", (FIRST + EMAIL).repeat(200)).when().get("/api/campaigns").then().statusCode(414);
        given().header("X-Signer-Key", key + "0").when().get("/api/signatures/" + id + "/mp-email")
                .then().statusCode(404);
        given().contentType(ContentType.JSON).header("X-Signer-Key", key).body(Map.of("fedCode", "00000"))
                .when().put("/api/signatures/" + id + "/riding").then().statusCode(409);
        assertFalse(sql.rows("SELECT 1 FROM mp_email WHERE reply_to = ?", EMAIL).isEmpty());
    }
}
