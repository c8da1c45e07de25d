package ca.constituent.deploy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.Signer;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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

    EmptyDatabase db;
    AppProcess app;
    RequestSpecification http;

    @BeforeAll
    void startWithProofOfWorkAndANewerDatasetDirectory() throws Exception {
        db = new EmptyDatabase();
        writeNewerDataset(Files.createDirectories(DATASET));
        Path postalCodes = Files.writeString(DATASET.resolve("postal-codes.csv"), "postal_code,fed_code\nK1A 0A6,35079\n");
        app = new AppProcess("switches-on").start(Map.ofEntries(Map.entry("DB_URL", db.url),
                Map.entry("DB_USER", db.user), Map.entry("DB_PASSWORD", db.password),
                Map.entry("APP_SECRET", "switches-on-it-secret-0123456789abcdefgh"),
                // Nothing listens there: the confirmation mails this test queues are never sent.
                Map.entry("SMTP_HOST", "127.0.0.1"), Map.entry("SMTP_PORT", String.valueOf(AppProcess.freePorts(1)[0])),
                Map.entry("MAIL_FROM", "Constituent <campaigns@example.ca>"), Map.entry("MP_EMAIL_FROM", "letters@example.ca"),
                Map.entry("REPRESENT_ENABLED", "false"), Map.entry("PROOF_OF_WORK", "true"),
                Map.entry("RIDINGS_DATASET_DIR", DATASET.toAbsolutePath().toString()),
                Map.entry("RIDINGS_POSTAL_CODE_FILE", postalCodes.toAbsolutePath().toString()),
                // As in the test profile, the test's loopback client is exempt from the signing limits, so a signature
                // is held for its proof of work alone.
                Map.entry("ALLOW_CIDRS", "127.0.0.1/32")),
                List.of("-Dconstituent.abuse.proof-of-work.max-number=2000", "-Dconstituent.ridings.refresh-every=1s"));
        app.awaitReady(Duration.ofSeconds(180));
        http = new RequestSpecBuilder().setBaseUri("http://127.0.0.1").setPort(app.httpPort).build();
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

    RequestSpecification given() {
        return RestAssured.given().spec(http);
    }

    // --- Proof of work -------------------------------------------------------------------------------------------

    /** Solves a fresh challenge as the widget does and returns the payload it would submit. */
    String solved() throws Exception {
        JsonPath c = given().when().get("/api/proof-of-work/challenge").then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).extract().jsonPath();
        Altcha.Solution solution = Altcha.solveChallenge(c.getString("challenge"), c.getString("salt"),
                Altcha.Algorithm.SHA256, c.getLong("maxnumber"), 0);
        String json = String.format(
                "{\"algorithm\":\"SHA-256\",\"challenge\":\"%s\",\"number\":%d,\"salt\":\"%s\",\"signature\":\"%s\"}",
                c.getString("challenge"), solution.number, c.getString("salt"), c.getString("signature"));
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    Object state(Map<String, Object> body) throws Exception {
        return db.value("SELECT state FROM signature WHERE email = ?", body.get("email"));
    }

    @Test
    void jsonClientWithoutASolutionIsToldAndNothingIsStored() throws Exception {
        Map<String, Object> body = Signer.valid();
        given().contentType(ContentType.JSON).body(body).when().post(SIGNATURES).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("altcha"));
        assertEquals(0L, db.value("SELECT count(*) FROM signature WHERE email = ?", body.get("email")));
    }

    @Test
    void formWithoutJavaScriptGetsAClearMessage() {
        given().accept("text/html").when().get("/campaigns/end-ice-complicity?lang=fr").then().statusCode(200)
                .body(containsString("<altcha-widget")).body(containsString("<noscript>"));
        given().accept("text/html").contentType(ContentType.URLENC)
                .formParams(Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada-pow@example.ca",
                        "postalCode", "K1A 0A6", "language", "en"))
                .when().post(SIGNATURES).then().statusCode(400)
                .body(containsString("needs JavaScript"));
    }

    @Test
    void solvedChallengeSignsOnceAndItsReplayIsHeldSilently() throws Exception {
        String payload = solved();
        Map<String, Object> first = Signer.valid();
        given().contentType(ContentType.JSON).header("Altcha", payload).body(first)
                .when().post(SIGNATURES).then().statusCode(202);
        assertEquals("pending", state(first));

        Map<String, Object> replay = Signer.valid();
        given().contentType(ContentType.JSON).header("Altcha", payload).body(replay)
                .when().post(SIGNATURES).then().statusCode(202);
        assertEquals("held", state(replay));
    }

    @Test
    void tamperedSolutionIsRefused() throws Exception {
        String json = new String(Base64.getDecoder().decode(solved()), StandardCharsets.UTF_8)
                .replaceFirst("\"number\":(\\d+)", "\"number\":999999");
        given().contentType(ContentType.JSON).header("Altcha", Base64.getEncoder().encodeToString(
                        json.getBytes(StandardCharsets.UTF_8))).body(Signer.valid())
                .when().post(SIGNATURES).then().statusCode(400).body("errors[0].field", equalTo("altcha"));
    }

    // --- A newer riding dataset in the configured directory ------------------------------------------------------

    @Test
    @Order(1)
    void newerDatasetInTheConfiguredDirectoryIsLoadedAtStart() throws Exception {
        Map<String, Object> loaded = db.rows("SELECT version, row_count FROM riding_dataset WHERE kind = 'ridings'")
                .get(0);
        assertTrue(((String) loaded.get("version")).startsWith("2099-"), loaded.toString());
        assertEquals(343, ((Number) loaded.get("row_count")).intValue());
        given().when().get("/api/ridings/10001").then().statusCode(200)
                .body("nameEn", equalTo("Avalon (renamed)"))
                .body("nameFr", equalTo("Avalon (renommée)"));
    }

    @Test
    @Order(2)
    void vacantSeatHasNoMpInRidingsAndLookups() {
        given().when().get("/api/ridings/35079").then().statusCode(200)
                .body("vacant", equalTo(true))
                .body("mp", nullValue());
        given().queryParam("postalCode", "K1A 0A6").when().get("/api/ridings/lookup").then().statusCode(200)
                .body("source", equalTo("postal-code-table"))
                .body("candidates[0].fedCode", equalTo("35079"))
                .body("candidates[0].vacant", equalTo(true))
                .body("candidates[0].mp", nullValue());
    }

    @Test
    @Order(3)
    void datasetUpdatedInTheDirectoryWhileRunningIsPickedUpByTheScheduledCheck() throws Exception {
        RidingDatasetFiles.replaceLine(DATASET.resolve(RidingDatasetFiles.RIDINGS), "10002,",
                line -> "10002,Cape Spear (renamed),Cape Spear (renommée),10,NL,Newfoundland and Labrador,"
                        + "Terre-Neuve-et-Labrador,2023");
        RidingDatasetFiles.writeVersion(DATASET, "2099-02-01");
        TwoInstancesIT.await("the scheduled check serving 10002's new name",
                () -> given().when().get("/api/ridings/10002").then().statusCode(200).extract().path("nameEn"),
                "Cape Spear (renamed)"::equals);
        assertEquals("2099-02-01", db.value("SELECT version FROM riding_dataset WHERE kind = 'ridings'"));
        given().when().get("/api/ridings/35079").then().statusCode(200).body("vacant", equalTo(true));
    }

    @Test
    @Order(4)
    void theSameOrAnOlderDatasetInTheDirectoryChangesNothing() throws Exception {
        Map<String, Object> loaded = db.rows("SELECT version, loaded_at FROM riding_dataset WHERE kind = 'ridings'")
                .get(0);
        Thread.sleep(2_500); // two more scheduled checks of the same directory
        assertEquals(loaded, db.rows("SELECT version, loaded_at FROM riding_dataset WHERE kind = 'ridings'").get(0),
                "the same dataset was loaded again");
        given().when().get("/api/ridings/35079").then().statusCode(200).body("vacant", equalTo(true));

        // An older dataset (Ottawa Centre's seat filled, Avalon under another name) replaces nothing.
        RidingDatasetFiles.write(DATASET, "2098-12-01", "Avalon (older)");
        Thread.sleep(2_500);
        assertEquals(loaded, db.rows("SELECT version, loaded_at FROM riding_dataset WHERE kind = 'ridings'").get(0),
                "an older dataset was loaded");
        given().when().get("/api/ridings/10001").then().statusCode(200)
                .body("nameEn", equalTo("Avalon (renamed)"))
                .body("nameFr", equalTo("Avalon (renommée)"));
        given().when().get("/api/ridings/35079").then().statusCode(200).body("vacant", equalTo(true));
    }
}
