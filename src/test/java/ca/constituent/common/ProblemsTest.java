package ca.constituent.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signer;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of bad request gets problem+json in the request's language, and nothing is stored. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ProblemsTest {

    static final String SIGNATURES = "/api/campaigns/end-ice-complicity/signatures";

    @Inject
    Sql sql;

    long signatures() {
        return sql.count("SELECT count(*) FROM signature");
    }

    @Test
    void everyInvalidFieldIsListedInTheSignersLanguage() {
        long before = signatures();
        Map<String, Object> body = Map.of("firstName", "", "lastName", "x".repeat(101), "email", "not-an-email",
                "postalCode", "W1A 1A1", "language", "fr", "consentUpdates", "peut-être",
                "personalNote", "n".repeat(2001), "fedCode", "123");
        given().contentType(ContentType.JSON).body(body)
                .when().post(SIGNATURES)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .header("Content-Language", "fr")
                .body("type", equalTo("/problems/invalid-request"))
                .body("title", equalTo("Certains champs sont à corriger"))
                .body("status", equalTo(400))
                .body("errors.field", hasItems("firstName", "lastName", "email", "postalCode", "consentUpdates",
                        "personalNote", "fedCode"))
                .body("errors.find { it.field == 'postalCode' }.message",
                        equalTo("Entrez un code postal canadien, comme K1A 0A6."));
        assertEquals(before, signatures());
    }

    @Test
    void missingFieldsAreRequiredInEnglishByDefault() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post(SIGNATURES)
                .then().statusCode(400)
                .body("errors.find { it.field == 'email' }.message", equalTo("This field is required."))
                .body("errors.field", hasItems("firstName", "lastName", "email", "postalCode"));
    }

    @Test
    void unknownLanguageIsAFieldErrorAnsweredInTheHeaderLanguage() {
        given().contentType(ContentType.JSON).header("Accept-Language", "fr")
                .body(Signer.with("language", "de"))
                .when().post(SIGNATURES)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("language"))
                .body("errors[0].message", containsString("Choisissez"));
    }

    @Test
    void headerInjectionAndControlCharactersInNamesAreRefused() {
        long before = signatures();
        given().contentType(ContentType.JSON)
                .body(Signer.with("firstName", "Eve\r\nBcc: everyone@example.ca"))
                .when().post(SIGNATURES)
                .then().statusCode(400).body("errors[0].field", equalTo("firstName"));
        given().contentType(ContentType.JSON)
                .body(Signer.with("lastName", "evil\u202Egnp.exe"))
                .when().post(SIGNATURES)
                .then().statusCode(400).body("errors[0].field", equalTo("lastName"));
        given().contentType(ContentType.JSON)
                .body(Signer.with("email", "victim@example.ca\r\nBcc: x@example.ca"))
                .when().post(SIGNATURES)
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
        assertEquals(before, signatures());
    }

    @Test
    void sqlInNamesIsJustText() {
        Map<String, Object> body = Signer.with("lastName", "O'Brien'); DROP TABLE signature;--");
        given().contentType(ContentType.JSON).body(body).when().post(SIGNATURES).then().statusCode(202);
        assertEquals(1, sql.count("SELECT count(*) FROM signature WHERE last_name = ?", body.get("lastName")));
    }

    @Test
    void unicodeNamesAreKeptAndNormalised() {
        Map<String, Object> body = Signer.with("firstName", "Zoe\u0301 Nguyễn 李");
        given().contentType(ContentType.JSON).body(body).when().post(SIGNATURES).then().statusCode(202);
        assertEquals("Zoé Nguyễn 李", sql.rows("SELECT first_name FROM signature WHERE email = ?",
                body.get("email")).get(0).get("first_name"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).header("Accept-Language", "fr").body("{\"firstName\": ")
                .when().post(SIGNATURES)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-body"))
                .body("title", equalTo("Corps de la requête illisible"))
                .body(not(containsString("Exception")))
                .body(not(containsString("jackson")));
    }

    @Test
    void jsonOfTheWrongShapeIsAProblem() {
        given().contentType(ContentType.JSON).body("[1, 2, 3]")
                .when().post(SIGNATURES)
                .then().statusCode(400)
                .body("type", equalTo("/problems/malformed-body"));
        given().contentType(ContentType.JSON).body("{\"firstName\": {\"a\": 1}}")
                .when().post(SIGNATURES)
                .then().statusCode(400)
                .body("type", equalTo("/problems/malformed-body"));
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        long before = signatures();
        given().contentType(ContentType.JSON).body(Signer.with("personalNote", "x".repeat(50_000)))
                .when().post(SIGNATURES)
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/body-too-large"));
        assertEquals(before, signatures());
    }

    @Test
    void aChunkedBodyThatAnnouncesNoSizeIsRefused() throws Exception {
        long before = signatures();
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":"
                                + RestAssured.port + SIGNATURES))
                        .header("Content-Type", "application/json")
                        .header("Accept-Language", "fr")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                                new ByteArrayInputStream(("{\"firstName\":\"" + "a".repeat(20_000) + "\"}")
                                        .getBytes(StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(411, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("/problems/length-required"));
        assertEquals(before, signatures());
    }

    @Test
    void unsupportedMediaTypeIsAProblem() {
        given().contentType("text/plain").body("hello")
                .when().post(SIGNATURES)
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unsupported-media-type"));
    }

    @Test
    void unknownPathIsAProblem() {
        given().header("Accept-Language", "fr").when().get("/api/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("title", equalTo("Introuvable"));
        given().when().get("/no/such/page")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aBrowserFollowingABadLinkGetsAPageNotJson() {
        given().accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8").header("Accept-Language", "fr")
                .when().get("/campaigns/no-such-campaign")
                .then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("<h1>Campagne introuvable</h1>"));
        given().accept("text/html,*/*;q=0.8").when().get("/api/campaigns/no-such-campaign")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongMethodIsAProblem() {
        given().when().delete(SIGNATURES)
                .then().statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/method-not-allowed"));
    }

    @Test
    void unknownCampaignIsAProblem() {
        given().contentType(ContentType.JSON).body(Signer.valid())
                .when().post("/api/campaigns/nope/signatures")
                .then().statusCode(404)
                .body("type", equalTo("/problems/campaign-not-found"));
    }

    @Test
    void closedCampaignRefusesSignatures() {
        sql.update("INSERT INTO campaign (slug, title_en, title_fr, summary_en, summary_fr, goal, status, sender_name) "
                + "VALUES ('closed-one', 'Closed', 'Fermée', 's', 's', 10, 'closed', 'Closed') ON CONFLICT DO NOTHING");
        given().contentType(ContentType.JSON).body(Signer.valid())
                .when().post("/api/campaigns/closed-one/signatures")
                .then().statusCode(409)
                .body("type", equalTo("/problems/campaign-closed"));
        given().when().get("/api/campaigns").then().body("slug", hasItem("closed-one"));
    }
}
