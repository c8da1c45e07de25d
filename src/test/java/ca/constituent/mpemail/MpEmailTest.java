package ca.constituent.mpemail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.riding.RidingDatasets;
import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signatures;
import ca.constituent.support.Signatures.Signed;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class MpEmailTest {

    static final List<String> EN_SUBJECTS = List.of("End Canada's complicity with ICE",
            "A constituent asks you to act on ICE",
            "Close the ICE offices in Canada and end the Safe Third Country Agreement",
            "Please support Bill C-233 and stop arming ICE");

    @Inject
    Signatures signatures;

    @Inject
    Sql sql;

    @Inject
    RidingDatasets datasets;

    JsonPath preview(Signed s) {
        return given().header("X-Signer-Key", s.key())
                .when().get("/api/signatures/" + s.id() + "/mp-email")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theDraftIsAFirstPersonLetterFromAConstituentToTheirMp() {
        Map<String, Object> body = Signatures.in("B3H 1A1", "en");
        body.put("personalNote", "My neighbours were detained at the border last spring.");
        Signed s = signatures.signAndConfirm(body);
        JsonPath letter = preview(s);
        assertEquals("draft", letter.getString("status"));
        assertEquals("en", letter.getString("language"));
        assertTrue(letter.getString("to.email").endsWith("@parl.gc.ca"), letter.getString("to.email"));
        assertTrue(EN_SUBJECTS.contains(letter.getString("subject")));
        String text = letter.getString("body");
        assertTrue(text.startsWith("Dear " + letter.getString("to.name") + ","), text);
        assertTrue(text.contains("My name is Marie-Ève Tremblay. I live in Halifax, postal code B3H 1A1"), text);
        assertTrue(text.contains("Roshel") && text.contains("C-233") && text.contains("Article 10"), text);
        assertTrue(text.contains("1. Close the US Immigration"), text);
        assertTrue(text.contains("My neighbours were detained at the border last spring."), text);
        assertTrue(letter.getString("mailtoUrl").startsWith("mailto:" + letter.getString("to.email") + "?subject="));
        assertTrue(letter.getString("mailtoUrl").contains("%0D%0A"));
        assertEquals(letter.getString("subject"), preview(s).getString("subject"), "same subject on every preview");
    }

    @Test
    void theFrenchLetterGreetsTheMpWithoutGuessingTheirGender() {
        Signed s = signatures.signAndConfirm(Signatures.in("H2X 1Y4", "fr"));
        sql.update("UPDATE signature SET fed_code = '24037' WHERE id = ?", s.id());
        JsonPath letter = preview(s);
        String text = letter.getString("body");
        assertTrue(text.startsWith("Bonjour " + letter.getString("to.name") + ","), text);
        assertTrue(text.contains("J'habite dans la circonscription de Laurier—Sainte-Marie (code postal H2X 1Y4)"),
                text);
        assertTrue(text.contains("Entente sur les tiers pays sûrs"), text);
        assertTrue(!text.contains("Madame") && !text.contains("Monsieur"));
    }

    @Test
    void theLetterNeedsTheSignersKeyAndRevealsNothingWithoutIt() {
        Signed s = signatures.signAndConfirm(Signatures.in("B3H 1A1", "en"));
        String wrongKey = given().header("X-Signer-Key", "x".repeat(32))
                .when().get("/api/signatures/" + s.id() + "/mp-email")
                .then().statusCode(404).contentType("application/problem+json").extract().body().asString();
        String unknownId = given().header("X-Signer-Key", "x".repeat(32))
                .when().get("/api/signatures/" + UUID.randomUUID() + "/mp-email")
                .then().statusCode(404).extract().body().asString();
        assertEquals(wrongKey, unknownId);
        given().when().get("/api/signatures/" + s.id() + "/mp-email").then().statusCode(404);
        given().when().get("/api/signatures/not-an-id/mp-email?key=abc").then().statusCode(404);
        given().when().get("/api/signatures/" + s.id() + "/mp-email?key=" + s.key()).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/signatures/" + s.id() + "/mp-email/send")
                .then().statusCode(404);
        assertEquals(0, sql.count("SELECT count(*) FROM mp_email WHERE signature_id = ?", s.id()));
    }

    @Test
    void sendingIsIdempotentAtMostOneLetterPerSignature() {
        Signed s = signatures.signAndConfirm(Signatures.in("B3H 1A1", "en"));
        for (int i = 0; i < 3; i++) {
            given().header("X-Signer-Key", s.key()).contentType(ContentType.JSON)
                    .body(Map.of("subject", "Attempt " + i))
                    .when().post("/api/signatures/" + s.id() + "/mp-email/send")
                    .then().statusCode(202)
                    .body("status", equalTo("queued"))
                    .body("subject", equalTo("Attempt 0"));
        }
        assertEquals(1, sql.count("SELECT count(*) FROM mp_email WHERE signature_id = ?", s.id()));
        assertEquals("queued", preview(s).getString("status"));
    }

    @Test
    void theSignersEditsAreSentAndTheReplyGoesToTheSigner() {
        Signed s = signatures.signAndConfirm(Signatures.in("B3H 1A1", "fr"));
        given().header("X-Signer-Key", s.key()).contentType(ContentType.JSON)
                .body(Map.of("subject", "Fermez les bureaux de l'ICE, s'il vous plaît",
                        "body", "Bonjour,\n\nJe vous écris en mon nom.\n", "copyToSigner", true))
                .when().post("/api/signatures/" + s.id() + "/mp-email/send")
                .then().statusCode(202);
        Map<String, Object> row = sql.rows("SELECT subject, body, reply_to, from_name, copy_to_signer, to_email "
                + "FROM mp_email WHERE signature_id = ?", s.id()).get(0);
        assertEquals("Fermez les bureaux de l'ICE, s'il vous plaît", row.get("subject"));
        assertEquals("Bonjour,\n\nJe vous écris en mon nom.", row.get("body"));
        assertEquals(s.email(), row.get("reply_to"));
        assertEquals("Marie-Ève Tremblay via End ICE Complicity", row.get("from_name"));
        assertEquals(true, row.get("copy_to_signer"));
    }

    @Test
    void editsThatCouldInjectHeadersOrAreTooLongAreRefused() {
        Signed s = signatures.signAndConfirm(Signatures.in("B3H 1A1", "fr"));
        given().header("X-Signer-Key", s.key()).contentType(ContentType.JSON)
                .body(Map.of("subject", "Hello\r\nBcc: everyone@example.ca", "body", "x".repeat(10_001)))
                .when().post("/api/signatures/" + s.id() + "/mp-email/send")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("subject", "body")))
                .body("errors[0].message", startsWith("L'objet"));
        given().header("X-Signer-Key", s.key()).contentType(ContentType.JSON)
                .body(Map.of("subject", "x".repeat(201)))
                .when().post("/api/signatures/" + s.id() + "/mp-email/send")
                .then().statusCode(400);
        assertEquals(0, sql.count("SELECT count(*) FROM mp_email WHERE signature_id = ?", s.id()));
    }

    @Test
    void lettersWaitForConfirmation() {
        Signed s = signatures.sign(Signatures.in("B3H 1A1", "en"));
        assertEquals("not-confirmed", preview(s).getString("blockedBy"));
        given().header("X-Signer-Key", s.key()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/signatures/" + s.id() + "/mp-email/send")
                .then().statusCode(409)
                .body("type", equalTo("/problems/not-confirmed"));
    }

    @Test
    void anUnknownRidingCannotBeWrittenToUntilTheSignerChoosesOne() {
        Signed s = signatures.signAndConfirm(Signatures.in("K0A 1A0", "fr"));
        JsonPath letter = preview(s);
        assertEquals("riding-unknown", letter.getString("blockedBy"));
        assertTrue(letter.get("to") == null);
        assertTrue(letter.getString("body").startsWith("Bonjour [votre député·e],"), letter.getString("body"));
        assertTrue(letter.getList("ridingChoices.fedCode").contains("35020"));
        given().header("X-Signer-Key", s.key()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/signatures/" + s.id() + "/mp-email/send")
                .then().statusCode(409)
                .body("type", equalTo("/problems/riding-unknown"))
                .body("title", equalTo("Circonscription inconnue"));

        given().header("X-Signer-Key", s.key()).contentType(ContentType.JSON).body(Map.of("fedCode", "59035"))
                .when().put("/api/signatures/" + s.id() + "/riding")
                .then().statusCode(400).body("errors[0].field", equalTo("fedCode"));
        given().header("X-Signer-Key", "x".repeat(32)).contentType(ContentType.JSON)
                .body(Map.of("fedCode", "35020"))
                .when().put("/api/signatures/" + s.id() + "/riding")
                .then().statusCode(404);
        given().header("X-Signer-Key", s.key()).contentType(ContentType.JSON).body(Map.of("fedCode", "35020"))
                .when().put("/api/signatures/" + s.id() + "/riding")
                .then().statusCode(200);
        JsonPath chosen = preview(s);
        assertTrue(chosen.get("blockedBy") == null);
        assertTrue(chosen.getString("body").contains("Carleton"));
        given().header("X-Signer-Key", s.key()).contentType(ContentType.JSON).body(Map.of("fedCode", "35088"))
                .when().put("/api/signatures/" + s.id() + "/riding")
                .then().statusCode(409).body("type", equalTo("/problems/riding-already-known"));
    }

    @Test
    void theLetterPageOffersTheRidingChoiceWhenTheRidingIsUnknown() {
        Signed s = signatures.signAndConfirm(Signatures.in("V6B 1A1", "en"));
        given().when().get("/letter/" + s.id() + "?key=" + s.key())
                .then().statusCode(200)
                .body(containsString("<option value=\"59035\">Vancouver Centre"));
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("key", s.key()).formParam("fedCode", "59036")
                .when().post("/letter/" + s.id() + "/riding")
                .then().statusCode(303);
        assertEquals("59036", sql.rows("SELECT fed_code FROM signature WHERE id = ?", s.id()).get(0).get("fed_code"));
    }

    @Test
    void theFormPreviewAndTheLetterShareTheirSubject() {
        Map<String, Object> body = Signatures.in("B3H 1A1", "en");
        String previewed = given().contentType(ContentType.JSON)
                .body(Map.of("firstName", body.get("firstName"), "lastName", body.get("lastName"),
                        "postalCode", "B3H 1A1", "language", "en"))
                .when().post("/api/campaigns/end-ice-complicity/letter-preview")
                .then().statusCode(200).extract().path("subject");
        assertEquals(previewed, preview(signatures.signAndConfirm(body)).getString("subject"));
    }

    @Test
    void anMpWithoutAKnownAddressCannotBeWrittenToButTheLetterStillShows() {
        Signed s = signatures.signAndConfirm(Signatures.in("M5S 1A1", "en"));
        JsonPath letter = preview(s);
        assertEquals("mp-email-unknown", letter.getString("blockedBy"));
        assertTrue(letter.getString("body").contains("University—Rosedale"));
        given().header("X-Signer-Key", s.key()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/signatures/" + s.id() + "/mp-email/send")
                .then().statusCode(409).body("type", equalTo("/problems/mp-email-unknown"));
    }

    @Test
    void aVacantSeatCannotBeWrittenTo() {
        Signed s = signatures.signAndConfirm(Signatures.in("Y1A 1A1", "en"));
        List<Map<String, Object>> mp = sql.rows("SELECT * FROM member_of_parliament WHERE fed_code = '60001'");
        sql.update("DELETE FROM member_of_parliament WHERE fed_code = '60001'");
        datasets.refresh();
        try {
            assertEquals("seat-vacant", preview(s).getString("blockedBy"));
            given().header("X-Signer-Key", s.key()).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/signatures/" + s.id() + "/mp-email/send")
                    .then().statusCode(409).body("type", equalTo("/problems/seat-vacant"));
        } finally {
            Map<String, Object> row = mp.get(0);
            sql.update("INSERT INTO member_of_parliament (fed_code, name, party, email, photo_url, source, "
                            + "needs_verification, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    row.get("fed_code"), row.get("name"), row.get("party"), row.get("email"), row.get("photo_url"),
                    row.get("source"), row.get("needs_verification"), row.get("note"));
            datasets.refresh();
        }
    }

    @Test
    void theFormPreviewsTheLetterWithoutStoringAnything() {
        long before = sql.count("SELECT count(*) FROM signature") + sql.count("SELECT count(*) FROM mp_email");
        given().contentType(ContentType.JSON)
                .body(Map.of("firstName", "Louis", "postalCode", "b3h1a1", "language", "fr"))
                .when().post("/api/campaigns/end-ice-complicity/letter-preview")
                .then().statusCode(200)
                .body("status", equalTo("draft"))
                .body("to.email", containsString("@parl.gc.ca"))
                .body("body", containsString("Je m'appelle Louis [Nom]."))
                .body("body", containsString("Halifax"))
                .body("blockedBy", nullValue());
        given().contentType(ContentType.JSON).body(Map.of("postalCode", "K0A 1A0"))
                .when().post("/api/campaigns/end-ice-complicity/letter-preview")
                .then().statusCode(200)
                .body("blockedBy", equalTo("riding-unknown"))
                .body("body", containsString("Dear [your MP],"));
        given().contentType(ContentType.JSON).body(Map.of("postalCode", "K0A 1A0", "fedCode", "35020"))
                .when().post("/api/campaigns/end-ice-complicity/letter-preview")
                .then().statusCode(200)
                .body("body", containsString("Carleton"))
                .body("subject", in(EN_SUBJECTS));
        given().contentType(ContentType.JSON).body(Map.of("firstName", "a\u0000b"))
                .when().post("/api/campaigns/end-ice-complicity/letter-preview")
                .then().statusCode(400).body("errors[0].field", equalTo("firstName"));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/campaigns/nope/letter-preview")
                .then().statusCode(404);
        assertEquals(before,
                sql.count("SELECT count(*) FROM signature") + sql.count("SELECT count(*) FROM mp_email"));
    }

    @Test
    void theLetterPageShowsTheEditableLetterAndSendsIt() {
        Signed s = signatures.signAndConfirm(Signatures.in("B3H 1A1", "fr"));
        given().when().get("/letter/" + s.id() + "?key=" + s.key())
                .then().statusCode(200)
                .body(containsString("Votre lettre à votre député·e"))
                .body(containsString("<textarea"))
                .body(containsString("name=\"action\" value=\"mailto\""))
                .body(containsString("hreflang=\"en\""));
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("key", s.key()).formParam("subject", "Objet modifié").formParam("body", "Mon texte à moi.")
                .formParam("action", "mailto")
                .when().post("/letter/" + s.id())
                .then().statusCode(303)
                .header("Location", startsWith("mailto:"))
                .header("Location", containsString("subject=Objet%20modifi%C3%A9&body=Mon%20texte%20%C3%A0%20moi."));
        given().contentType(ContentType.URLENC)
                .formParam("key", s.key()).formParam("subject", "Objet modifié").formParam("body", "Bonjour.")
                .when().post("/letter/" + s.id())
                .then().statusCode(200)
                .body(containsString("Votre lettre est en route"))
                .body(not(containsString("<textarea")));
        assertEquals("Objet modifié",
                sql.rows("SELECT subject FROM mp_email WHERE signature_id = ?", s.id()).get(0).get("subject"));
        given().when().get("/letter/" + s.id() + "?key=wrong").then().statusCode(404);
    }
}
