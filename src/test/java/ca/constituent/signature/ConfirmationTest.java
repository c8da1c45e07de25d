package ca.constituent.signature;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.constituent.support.Mailbox;
import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signer;
import ca.constituent.support.Sql;
import io.quarkus.mailer.Mail;
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

    @Inject
    ConfirmationMailer mailer;

    @Inject
    Mailbox mailbox;

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

    Map<String, Object> row(UUID id) {
        return sql.rows("SELECT first_name, last_name, personal_note, consent_updates, state FROM signature "
                + "WHERE id = ?", id).get(0);
    }

    UUID signed(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post(SignatureResourceTest.SIGNATURES).then().statusCode(202);
        return (UUID) sql.rows("SELECT id FROM signature WHERE email = ?", body.get("email")).get(0).get("id");
    }

    @Test
    void theConfirmationPageShowsWhatIsBeingConfirmedWithThePostalCodeMasked() {
        Map<String, Object> body = Signer.valid();
        body.put("postalCode", "H2X 1Y4");
        body.put("personalNote", "Fermez les bureaux de l'ICE.");
        body.put("consentUpdates", true);
        UUID id = signed(body);
        String page = given().when().get("/confirm/" + id + "?key=" + keys.keyFor(id) + "&lang=fr")
                .then().statusCode(200).extract().body().asString();
        org.junit.jupiter.api.Assertions.assertAll(
                () -> org.junit.jupiter.api.Assertions.assertTrue(page.contains("value=\"Marie-Ève\""), page),
                () -> org.junit.jupiter.api.Assertions.assertTrue(page.contains("H2X •••")),
                () -> org.junit.jupiter.api.Assertions.assertFalse(page.contains("1Y4"), "the rest is not shown"),
                () -> org.junit.jupiter.api.Assertions.assertTrue(page.contains("Fermez les bureaux de l&#39;ICE.")
                        || page.contains("Fermez les bureaux de l'ICE.")),
                () -> org.junit.jupiter.api.Assertions.assertTrue(page.contains("value=\"true\" "
                        + "aria-describedby=\"consent-hint\" checked"), "consent as it stands"),
                () -> org.junit.jupiter.api.Assertions.assertTrue(page.contains("Circonscription")));
        assertEquals("pending", state(id));
    }

    @Test
    void theOwnerCorrectsTheNameAndUnticksConsentBeforeConfirming() {
        Map<String, Object> body = Signer.valid();
        body.put("consentUpdates", true);
        body.put("personalNote", "typo in my nmae");
        UUID id = signed(body);
        given().contentType(ContentType.URLENC).formParam("key", keys.keyFor(id)).formParam("details", "1")
                .formParam("firstName", "Marie-Eve").formParam("lastName", "Tremblay-Roy")
                .formParam("personalNote", "")
                .when().post("/confirm/" + id + "?lang=en")
                .then().statusCode(200).body(containsString("your signature is confirmed"));
        Map<String, Object> stored = row(id);
        assertEquals("confirmed", stored.get("state"));
        assertEquals("Marie-Eve", stored.get("first_name"));
        assertEquals("Tremblay-Roy", stored.get("last_name"));
        assertEquals(null, stored.get("personal_note"));
        assertEquals(false, stored.get("consent_updates"), "an unticked box withdraws the form's consent");
    }

    @Test
    void consentCountsAsTickedOnTheConfirmationPage() {
        UUID id = signedId("en");
        assertEquals(false, row(id).get("consent_updates"));
        given().contentType(ContentType.URLENC).formParam("key", keys.keyFor(id)).formParam("details", "1")
                .formParam("firstName", "Marie-Ève").formParam("lastName", "Tremblay")
                .formParam("consentUpdates", "true")
                .when().post("/confirm/" + id + "?lang=en").then().statusCode(200);
        assertEquals(true, row(id).get("consent_updates"));
    }

    @Test
    void badCorrectionsShowThePageAgainInTheSignersLanguageAndConfirmNothing() {
        UUID id = signedId("fr");
        given().contentType(ContentType.URLENC).formParam("key", keys.keyFor(id)).formParam("details", "1")
                .formParam("firstName", "Visitez evil.com").formParam("lastName", "")
                .formParam("consentUpdates", "true")
                .when().post("/confirm/" + id + "?lang=fr")
                .then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("Veuillez corriger"))
                .body(containsString("id=\"firstName\" name=\"firstName\" aria-invalid=\"true\""))
                .body(containsString("id=\"lastName\" name=\"lastName\" aria-invalid=\"true\""))
                .body(containsString("value=\"Visitez evil.com\""));
        Map<String, Object> stored = row(id);
        assertEquals("pending", stored.get("state"));
        assertEquals("Marie-Ève", stored.get("first_name"));
        assertEquals(false, stored.get("consent_updates"));
    }

    @Test
    void aSecondSignatureBeforeConfirmationUpdatesThePendingDetailsAndItsMailSaysSo() {
        Map<String, Object> body = Signer.valid();
        UUID id = signed(body);
        body.put("firstName", "Élise");
        body.put("personalNote", "Second thoughts.");
        body.put("consentUpdates", true);
        assertEquals(id, signed(body));
        Map<String, Object> stored = row(id);
        assertEquals("Élise", stored.get("first_name"));
        assertEquals("Second thoughts.", stored.get("personal_note"));
        assertEquals(true, stored.get("consent_updates"));
        assertEquals("pending", stored.get("state"));
        assertEquals(java.util.List.of(false, true), sql.rows("SELECT after_update FROM confirmation_mail "
                + "WHERE signature_id = ? ORDER BY id", id).stream().map(r -> r.get("after_update")).toList());
        mailer.sendDue();
        java.util.List<Mail> mails = mailbox.getMailsSentTo((String) body.get("email"));
        assertEquals(2, mails.size());
        String updated = ca.constituent.common.Messages.get(
                ca.constituent.common.Language.parse((String) body.get("language")).orElseThrow(),
                "mail.confirmation.updated");
        assertEquals(1, mails.stream().filter(m -> m.getText().contains(updated) && m.getHtml().contains(updated))
                .count(), "the mail after the update says so, the first one does not");
    }

    @Test
    void aLaterSignatureNeverChangesAConfirmedOne() {
        Map<String, Object> body = Signer.valid();
        UUID id = signed(body);
        sql.update("UPDATE signature SET state = 'confirmed', confirmed_at = now() WHERE id = ?", id);
        body.put("firstName", "Mallory");
        signed(body);
        assertEquals("Marie-Ève", row(id).get("first_name"));
        assertEquals(1, sql.count("SELECT count(*) FROM confirmation_mail WHERE signature_id = ?", id));
    }
}
