package ca.constituent.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.hostile.BodyCases.Endpoint;
import ca.constituent.hostile.RequestCases.Targets;
import ca.constituent.support.Mailbox;
import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signatures;
import ca.constituent.support.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile input corpus: malformed and deeply nested JSON, wrong types, unknown fields, oversized bodies, fields,
 * addresses and headers, unicode edge cases, SQL and script fragments, line breaks in every field that reaches a
 * mail header, bad postal codes, coordinates, UUIDs, keys and slugs, across every public route. Every case must be
 * answered 4xx with problem+json (or an HTML page on a page route); together they must store nothing (no signature,
 * confirmation mail or MP email row, no riding chosen, nothing confirmed), send no mail, and leave the service
 * live and ready.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class HostileInputTest {


    @Inject
    Sql sql;

    @Inject
    Signatures signatures;

    @Inject
    Mailbox mailbox;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestFactory
    Stream<DynamicTest> everyHostileRequestIsRefusedAndChangesNothing() {
        Signatures.Signed letter = signatures.signAndConfirm(Signatures.in("B3H 1A1", "en"));
        Signatures.Signed pending = signatures.sign(Signatures.in("K0A 1A0", "fr"));
        Targets targets = new Targets(letter.id(), letter.key(), pending.id(), pending.key());
        List<HostileCase> corpus = corpus(targets);
        assertTrue(corpus.size() >= 500, "corpus of " + corpus.size());
        List<Long> before = state();
        // Sent a few at a time to keep the class fast; each answer is checked by its own test, and the stored
        // rows and mails once every request has been answered.
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<RawHttp.Answer>> answers = corpus.stream()
                .map(c -> senders.submit(() -> RawHttp.send(RestAssured.port, c.method(), c.target(), c.headers(),
                        c.body())))
                .toList();
        senders.shutdown();
        Stream<DynamicTest> cases = IntStream.range(0, corpus.size()).mapToObj(i -> DynamicTest.dynamicTest(
                corpus.get(i).name(), () -> refused(corpus.get(i), answers.get(i).get())));
        return Stream.concat(cases, Stream.of(DynamicTest.dynamicTest("afterwards: nothing stored, healthy",
                () -> nothingChanged(targets, before))));
    }

    static List<HostileCase> corpus(Targets t) {
        Endpoint sign = new Endpoint("signature", "POST", RequestCases.SIGN, Map.of(), ordered(
                "firstName", "Marie", "lastName", "Tremblay", "email", "corpus@example.ca", "postalCode", "K1A 0A6",
                "language", "en"), List.of("firstName", "lastName", "email", "postalCode", "fedCode", "language",
                "personalNote"), List.of("consentUpdates", "latitude", "longitude"), List.of());
        Endpoint preview = new Endpoint("letter-preview", "POST", "/api/campaigns/" + RequestCases.CAMPAIGN
                + "/letter-preview", Map.of(), ordered("firstName", "Marie", "lastName", "Tremblay", "postalCode",
                "K1A 0A6", "language", "fr"), List.of("firstName", "lastName", "postalCode", "fedCode", "language",
                "personalNote"), List.of(), List.of());
        Endpoint send = new Endpoint("mp-email send", "POST", "/api/signatures/" + t.letterId() + "/mp-email/send",
                Map.of("X-Signer-Key", t.letterKey()), ordered("subject", "Please act", "body", "Dear MP, act.",
                "copyToSigner", false), List.of("subject", "body"), List.of(), List.of("copyToSigner"));
        Endpoint confirmation = new Endpoint("confirmation", "POST", "/api/signatures/" + t.pendingId()
                + "/confirmation", Map.of(), ordered("key", "not-the-key"), List.of("key"), List.of(), List.of());
        Endpoint riding = new Endpoint("riding choice", "PUT", "/api/signatures/" + t.pendingId() + "/riding",
                Map.of("X-Signer-Key", t.pendingKey()), ordered("fedCode", "00000"), List.of("fedCode"), List.of(),
                List.of());
        List<HostileCase> corpus = new ArrayList<>(BodyCases.all(List.of(sign, preview, send, confirmation,
                riding)));
        corpus.addAll(FieldCases.all(sign, preview, send, riding));
        corpus.addAll(RequestCases.all(t));
        return corpus;
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static void refused(HostileCase c, RawHttp.Answer answer) throws Exception {
        String shown = c.name() + ": " + answer.status() + " " + answer.contentType() + " "
                + HostileValues.label(answer.body());
        assertTrue(answer.status() >= 400 && answer.status() < 500, shown);
        if (answer.contentType().startsWith("text/html") && c.htmlAllowed()) {
            assertTrue(answer.body().contains("</html>"), shown);
        } else {
            assertEquals("application/problem+json", answer.contentType(), shown);
            JsonNode problem = BodyCases.JSON.readTree(answer.body());
            assertTrue(problem.path("type").asText().startsWith("/problems/"), shown);
            assertEquals(answer.status(), problem.path("status").asInt(), shown);
            assertFalse(problem.path("title").asText().isBlank(), shown);
            assertFalse(problem.path("detail").asText().isBlank(), shown);
            assertTrue(List.of("en", "fr").contains(answer.headers().get("content-language")), shown);
        }
        assertFalse(answer.body().contains("Exception") || answer.body().contains("at ca.constituent"), shown);
    }

    private List<Long> state() {
        Map<String, Object> row = sql.rows("SELECT (SELECT count(*) FROM signature) AS s, "
                + "(SELECT count(*) FROM confirmation_mail) AS c, (SELECT count(*) FROM mp_email) AS m").get(0);
        return List.of(((Number) row.get("s")).longValue(), ((Number) row.get("c")).longValue(),
                ((Number) row.get("m")).longValue(), (long) mailbox.getTotalMessagesSent());
    }

    private void nothingChanged(Targets t, List<Long> before) throws Exception {
        assertEquals(before, state(), "rows of signature, confirmation_mail, mp_email, and mails sent");
        Map<String, Object> pending = sql.rows("SELECT state, fed_code FROM signature WHERE id = ?", t.pendingId())
                .get(0);
        assertEquals("pending", pending.get("state"));
        assertEquals(null, pending.get("fed_code"));
        for (URL health : List.of(live, ready)) {
            assertEquals(200, RawHttp.send(health.getPort(), "GET", health.getPath(), Map.of(), null).status(),
                    health.getPath());
        }
    }
}
