package ca.constituent.abuse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signer;
import ca.constituent.support.Sql;
import ca.constituent.support.SwitchesOnProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.altcha.altcha.Altcha;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@TestProfile(SwitchesOnProfile.class)
class ProofOfWorkTest {

    static final String SIGNATURES = "/api/campaigns/end-ice-complicity/signatures";

    @Inject
    Sql sql;

    /** Solves a fresh challenge as the widget does and returns the payload it would submit. */
    static String solved() throws Exception {
        JsonPath c = given().when().get("/api/proof-of-work/challenge").then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).extract().jsonPath();
        Altcha.Solution solution = Altcha.solveChallenge(c.getString("challenge"), c.getString("salt"),
                Altcha.Algorithm.SHA256, c.getLong("maxnumber"), 0);
        String json = String.format(
                "{\"algorithm\":\"SHA-256\",\"challenge\":\"%s\",\"number\":%d,\"salt\":\"%s\",\"signature\":\"%s\"}",
                c.getString("challenge"), solution.number, c.getString("salt"), c.getString("signature"));
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    String state(Map<String, Object> body) {
        return (String) sql.rows("SELECT state FROM signature WHERE email = ?", body.get("email")).get(0).get("state");
    }

    @Test
    void jsonClientWithoutASolutionIsToldAndNothingIsStored() {
        Map<String, Object> body = Signer.valid();
        given().contentType(ContentType.JSON).body(body).when().post(SIGNATURES).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("altcha"));
        assertEquals(0, sql.count("SELECT count(*) FROM signature WHERE email = ?", body.get("email")));
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
}
