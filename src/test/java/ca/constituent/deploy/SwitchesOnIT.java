package ca.constituent.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.Signer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.altcha.altcha.Altcha;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two switches production can turn on, in the packaged app configured as a pod is: proof of work (with small
 * challenges, so the test solves them quickly), and riding data read from a directory holding a newer dataset (a
 * by-election left Ottawa Centre vacant and a riding was renamed) and a postal-code table, checked every second.
 * Signing with K1A 0A6, which the table knows, never asks Represent (off here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwitchesOnIT {

    static final String SIGNATURES = "/api/campaigns/end-ice-complicity/signatures";
    /** Its own directory: failsafe runs two ITs at once and TwoInstancesIT writes target/it-dataset. */
    static final Path DATASET = Path.of("target", "it-switches-on-dataset");

    static final ObjectMapper JSON = new ObjectMapper();

    EmptyDatabase db;
    AppProcess app;

    @BeforeAll
    void startWithProofOfWorkAndANewerDatasetDirectory() throws Exception {
        db = new EmptyDatabase();
        writeNewerDataset(Files.createDirectories(DATASET));
        Path postalCodes = Files.writeString(DATASET.resolve("postal-codes.csv"),
                "postal_code,fed_code\nK1A 0A6,35079\n");
        app = new AppProcess("switches-on").start(Map.ofEntries(Map.entry("DB_URL", db.url),
                Map.entry("DB_USER", db.user), Map.entry("DB_PASSWORD", db.password),
                Map.entry("APP_SECRET", "switches-on-it-secret-0123456789abcdefgh"),
                // Nothing listens there: the confirmation mails this test queues are never sent.
                Map.entry("SMTP_HOST", "127.0.0.1"),
                Map.entry("SMTP_PORT", String.valueOf(AppProcess.freePorts(1)[0])),
                Map.entry("MAIL_FROM", "Constituent <campaigns@example.ca>"),
                Map.entry("MP_EMAIL_FROM", "letters@example.ca"),
                Map.entry("REPRESENT_ENABLED", "false"), Map.entry("PROOF_OF_WORK", "true"),
                Map.entry("RIDINGS_DATASET_DIR", DATASET.toAbsolutePath().toString()),
                Map.entry("RIDINGS_POSTAL_CODE_FILE", postalCodes.toAbsolutePath().toString()),
                // As in the test profile, the test's loopback client is exempt from the signing limits, so a signature
                // is held for its proof of work alone.
                Map.entry("ALLOW_CIDRS", "127.0.0.1/32")),
                List.of("-Dconstituent.abuse.proof-of-work.max-number=2000", "-Dconstituent.ridings.refresh-every=1s"));
        app.awaitReady(Duration.ofSeconds(180));
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {app, db}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    /** The shipped dataset as version 2099-01-01, Ottawa Centre's seat vacant and Avalon renamed in both languages. */
    static void writeNewerDataset(Path directory) throws Exception {
        RidingDatasetFiles.copyShipped(directory);
        RidingDatasetFiles.replaceLine(directory.resolve(RidingDatasetFiles.MPS), "35079,",
                line -> "35079,Ottawa Centre,Ottawa-Centre,ON,,,,");
        RidingDatasetFiles.replaceLine(directory.resolve(RidingDatasetFiles.RIDINGS), "10001,",
                line -> "10001,Avalon (renamed),Avalon (renommée),10,NL,Newfoundland and Labrador,"
                        + "Terre-Neuve-et-Labrador,2023");
        RidingDatasetFiles.writeVersion(directory, "2099-01-01");
    }

    // --- Proof of work -------------------------------------------------------------------------------------------

    /** Solves a fresh challenge as the widget does and returns the payload it would submit. */
    String solved() throws Exception {
        HttpResponse<String> response = app.get("/api/proof-of-work/challenge");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"),
                response.headers().toString());
        JsonNode c = JSON.readTree(response.body());
        Altcha.Solution solution = Altcha.solveChallenge(c.get("challenge").asText(), c.get("salt").asText(),
                Altcha.Algorithm.SHA256, c.get("maxnumber").asLong(), 0);
        String json = String.format(
                "{\"algorithm\":\"SHA-256\",\"challenge\":\"%s\",\"number\":%d,\"salt\":\"%s\",\"signature\":\"%s\"}",
                c.get("challenge").asText(), solution.number, c.get("salt").asText(), c.get("signature").asText());
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> sign(Map<String, Object> body, Map<String, String> headers) throws Exception {
        return app.post(SIGNATURES, JSON.writeValueAsString(body), headers);
    }

    Object state(Map<String, Object> body) throws Exception {
        return db.value("SELECT state FROM signature WHERE email = ?", body.get("email"));
    }

    /** A 400 problem+json naming the {@code altcha} field. */
    static void assertAltchaRefused(HttpResponse<String> response) throws Exception {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        assertEquals("altcha", JSON.readTree(response.body()).at("/errors/0/field").asText(), response.body());
    }

    @Test
    void jsonClientWithoutASolutionIsToldAndNothingIsStored() throws Exception {
        Map<String, Object> body = Signer.valid();
        assertAltchaRefused(sign(body, Map.of()));
        assertEquals(0L, db.value("SELECT count(*) FROM signature WHERE email = ?", body.get("email")));
    }

    @Test
    void formWithoutJavaScriptGetsAClearMessage() throws Exception {
        HttpResponse<String> page = AppProcess.send(app.request("/campaigns/end-ice-complicity?lang=fr")
                .header("Accept", "text/html").GET());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<altcha-widget") && page.body().contains("<noscript>"), page.body());
        String form = Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada-pow@example.ca",
                        "postalCode", "K1A 0A6", "language", "en").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> refused = AppProcess.send(app.request(SIGNATURES).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("needs JavaScript"), refused.body());
    }

    @Test
    void solvedChallengeSignsOnceAndItsReplayIsHeldSilently() throws Exception {
        String payload = solved();
        Map<String, Object> first = Signer.valid();
        assertEquals(202, sign(first, Map.of("Altcha", payload)).statusCode());
        assertEquals("pending", state(first));

        Map<String, Object> replay = Signer.valid();
        assertEquals(202, sign(replay, Map.of("Altcha", payload)).statusCode());
        assertEquals("held", state(replay));
    }

    @Test
    void tamperedSolutionIsRefused() throws Exception {
        String json = new String(Base64.getDecoder().decode(solved()), StandardCharsets.UTF_8)
                .replaceFirst("\"number\":(\\d+)", "\"number\":999999");
        assertAltchaRefused(sign(Signer.valid(), Map.of("Altcha", Base64.getEncoder().encodeToString(
                json.getBytes(StandardCharsets.UTF_8)))));
    }

    // --- A newer riding dataset in the configured directory ------------------------------------------------------

    /** The JSON a GET of {@code path} answers with 200. */
    JsonNode json(String path) throws Exception {
        HttpResponse<String> response = app.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    /** Vacant, and no MP: the field is absent or null. */
    static void assertVacant(JsonNode riding) {
        assertTrue(riding.path("vacant").booleanValue(), riding.toString());
        assertTrue(riding.path("mp").isMissingNode() || riding.path("mp").isNull(), riding.toString());
    }

    void assertAvalonRenamed() throws Exception {
        JsonNode avalon = json("/api/ridings/10001");
        assertEquals("Avalon (renamed)", avalon.path("nameEn").textValue());
        assertEquals("Avalon (renommée)", avalon.path("nameFr").textValue());
    }

    Map<String, Object> loadedRidings() throws Exception {
        return db.rows("SELECT version, loaded_at FROM riding_dataset WHERE kind = 'ridings'").get(0);
    }

    @Test
    @Order(1)
    void newerDatasetInTheConfiguredDirectoryIsLoadedAtStart() throws Exception {
        Map<String, Object> loaded = db.rows("SELECT version, row_count FROM riding_dataset WHERE kind = 'ridings'")
                .get(0);
        assertTrue(((String) loaded.get("version")).startsWith("2099-"), loaded.toString());
        assertEquals(343, ((Number) loaded.get("row_count")).intValue());
        assertAvalonRenamed();
    }

    @Test
    @Order(2)
    void vacantSeatHasNoMpInRidingsAndLookups() throws Exception {
        assertVacant(json("/api/ridings/35079"));
        JsonNode lookup = json("/api/ridings/lookup?postalCode=K1A%200A6");
        assertEquals("postal-code-table", lookup.path("source").textValue(), lookup.toString());
        assertEquals("35079", lookup.at("/candidates/0/fedCode").textValue(), lookup.toString());
        assertVacant(lookup.at("/candidates/0"));
    }

    @Test
    @Order(3)
    void datasetUpdatedInTheDirectoryWhileRunningIsPickedUpByTheScheduledCheck() throws Exception {
        RidingDatasetFiles.replaceLine(DATASET.resolve(RidingDatasetFiles.RIDINGS), "10002,",
                line -> "10002,Cape Spear (renamed),Cape Spear (renommée),10,NL,Newfoundland and Labrador,"
                        + "Terre-Neuve-et-Labrador,2023");
        RidingDatasetFiles.writeVersion(DATASET, "2099-02-01");
        TwoInstancesIT.await("the scheduled check serving 10002's new name",
                () -> json("/api/ridings/10002").path("nameEn").textValue(), "Cape Spear (renamed)"::equals);
        assertEquals("2099-02-01", db.value("SELECT version FROM riding_dataset WHERE kind = 'ridings'"));
        assertVacant(json("/api/ridings/35079"));
    }

    @Test
    @Order(4)
    void theSameOrAnOlderDatasetInTheDirectoryChangesNothing() throws Exception {
        Map<String, Object> loaded = loadedRidings();
        Thread.sleep(2_500); // two more scheduled checks of the same directory
        assertEquals(loaded, loadedRidings(), "the same dataset was loaded again");
        assertVacant(json("/api/ridings/35079"));

        // An older dataset (Ottawa Centre's seat filled, Avalon under another name) replaces nothing.
        RidingDatasetFiles.write(DATASET, "2098-12-01", "Avalon (older)");
        Thread.sleep(2_500);
        assertEquals(loaded, loadedRidings(), "an older dataset was loaded");
        assertAvalonRenamed();
        assertVacant(json("/api/ridings/35079"));
    }
}
