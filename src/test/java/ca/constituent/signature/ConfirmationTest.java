package ca.constituent.signature;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signer;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ConfirmationTest {

    @Inject
    Sql sql;

    @Inject
    SignerKeys keys;

    UUID signedId(String language) {
        Map<String, Object> body = Signer.valid();
        body.put("language", language);
        given().contentType(ContentType.JSON).body(body)
                .when().post(SignatureResourceTest.SIGNATURES).then().statusCode(202);
        return (UUID) sql.rows("SELECT id FROM signature WHERE email = ?", body.get("email")).get(0).get("id");
    }

    String state(UUID id) {
        return (String) sql.rows("SELECT state FROM signature WHERE id = ?", id).get(0).get("state");
    }

    @Test
    void followingTheLinkOnlyShowsAButtonSoMailScannersConfirmNothing() {
        UUID id = signedId("fr");
        given().when().get("/confirm/" + id + "?key=" + keys.keyFor(id) + "&lang=fr")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Confirmer ma signature"))
                .body(containsString("method=\"post\""));
        given().when().head("/confirm/" + id + "?key=" + keys.keyFor(id)).then().statusCode(200);
        assertEquals("pending", state(id));
    }

    @Test
    void pressingTheButtonConfirmsOnceAndOffersTheLetter() {
        UUID id = signedId("en");
        String key = keys.keyFor(id);
        given().contentType(ContentType.URLENC).formParam("key", key)
                .when().post("/confirm/" + id + "?lang=en")
                .then().statusCode(200)
                .body(containsString("your signature is confirmed"))
                .body(containsString("/letter/" + id + "?key=" + key));
        assertEquals("confirmed", state(id));
        Object confirmedAt = sql.rows("SELECT confirmed_at FROM signature WHERE id = ?", id).get(0).get("confirmed_at");
        given().contentType(ContentType.URLENC).formParam("key", key)
                .when().post("/confirm/" + id + "?lang=en")
                .then().statusCode(200)
                .body(containsString("already confirmed"));
        assertEquals(confirmedAt,
                sql.rows("SELECT confirmed_at FROM signature WHERE id = ?", id).get(0).get("confirmed_at"));
        given().when().get("/confirm/" + id + "?key=" + key + "&lang=en")
                .then().statusCode(200)
                .body(containsString("already confirmed"))
                .body(not(containsString("Confirm my signature</button>")))
                .body(containsString("/letter/" + id));
    }

    @Test
    void scriptsConfirmThroughTheApi() {
        UUID id = signedId("en");
        given().contentType(ContentType.JSON).body(Map.of("key", keys.keyFor(id)))
                .when().post("/api/signatures/" + id + "/confirmation")
                .then().statusCode(200).body("status", equalTo("confirmed"));
        assertEquals("confirmed", state(id));
    }

    @Test
    void aWrongKeyConfirmsNothingAndRevealsNothing() {
        UUID id = signedId("en");
        String unknown = UUID.randomUUID().toString();
        String wrongKeyAnswer = given().contentType(ContentType.JSON).body(Map.of("key", "x".repeat(32)))
                .when().post("/api/signatures/" + id + "/confirmation")
                .then().statusCode(404).body("type", equalTo("/problems/signature-not-found"))
                .extract().body().asString();
        String unknownIdAnswer = given().contentType(ContentType.JSON).body(Map.of("key", "x".repeat(32)))
                .when().post("/api/signatures/" + unknown + "/confirmation")
                .then().statusCode(404).extract().body().asString();
        assertEquals(wrongKeyAnswer, unknownIdAnswer);
        given().contentType(ContentType.URLENC).formParam("key", "nope")
                .when().post("/confirm/" + id)
                .then().statusCode(404).body(containsString("not valid"));
        given().when().get("/confirm/" + id + "?key=nope")
                .then().statusCode(404).body(not(containsString("Confirm my signature")))
                .body(containsString("not valid"));
        given().when().get("/confirm/not-a-uuid?key=nope").then().statusCode(404);
        given().when().get("/letter/" + id + "?key=nope").then().statusCode(404).body(containsString("not valid"));
        assertEquals("pending", state(id));
    }

    @Test
    void linksExpireSevenDaysAfterTheLastConfirmationMail() {
        UUID id = signedId("fr");
        sql.update("UPDATE confirmation_mail SET created_at = now() - interval '7 days 1 minute' "
                + "WHERE signature_id = ?", id);
        given().contentType(ContentType.URLENC).formParam("key", keys.keyFor(id))
                .when().post("/confirm/" + id + "?lang=fr")
                .then().statusCode(410)
                .body(containsString("Ce lien a expiré"));
        given().contentType(ContentType.JSON).header("Accept-Language", "fr").body(Map.of("key", keys.keyFor(id)))
                .when().post("/api/signatures/" + id + "/confirmation")
                .then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/confirmation-expired"))
                .body("detail", containsString("7 jours"));
        assertEquals("pending", state(id));
    }

    @Test
    void invalidatedSignaturesCannotBeConfirmed() {
        UUID id = signedId("en");
        sql.update("UPDATE signature SET state = 'invalidated' WHERE id = ?", id);
        given().contentType(ContentType.JSON).body(Map.of("key", keys.keyFor(id)))
                .when().post("/api/signatures/" + id + "/confirmation")
                .then().statusCode(404);
        assertEquals("invalidated", state(id));
    }
}
