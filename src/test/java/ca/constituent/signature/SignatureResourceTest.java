package ca.constituent.signature;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.Mailbox;
import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signer;
import ca.constituent.support.Sql;
import io.quarkus.mailer.Mail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class SignatureResourceTest {

    /** Operations endpoints live on the management interface, not the public port. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    static final String SIGNATURES = "/api/campaigns/end-ice-complicity/signatures";

    @Inject
    Sql sql;

    @Inject
    Mailbox mailbox;

    @Inject
    ConfirmationMailer mailer;

    @BeforeEach
    void emptyMailbox() {
        mailer.sendDue();
        mailbox.clear();
    }

    static ExtractableResponse<Response> sign(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(SIGNATURES).then().extract();
    }

    @Test
    void signatureInEnglishIsStoredPendingAndConfirmationMailLeavesThroughTheQueue() {
        String email = "ada.lovelace+" + System.nanoTime() + "@example.ca";
        given().contentType(ContentType.JSON).body(Signer.valid(email))
                .when().post(SIGNATURES)
                .then().statusCode(202)
                .contentType(ContentType.JSON)
                .body("status", equalTo("received"))
                .body("language", equalTo("en"))
                .body("message", containsString("Check your inbox"))
                .body("$", not(org.hamcrest.Matchers.hasKey("id")));

        List<Map<String, Object>> rows = sql.rows(
                "SELECT id, state, postal_code, province, ip_hash FROM signature WHERE email = ?", email);
        assertEquals(1, rows.size());
        assertEquals("pending", rows.get(0).get("state"));
        assertEquals("K1A 0A6", rows.get(0).get("postal_code"));
        assertEquals("ON", rows.get(0).get("province"));
        String ipHash = (String) rows.get(0).get("ip_hash");
        assertEquals(22, ipHash.length());
        assertTrue(!ipHash.contains("127.0.0.1"));

        assertTrue(mailbox.getMailsSentTo(email).isEmpty(), "intake must not wait on SMTP");
        mailer.sendDue();
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size());
        Mail mail = mails.get(0);
        assertTrue(mail.getSubject().startsWith("Confirm your signature"));
        String id = rows.get(0).get("id").toString();
        assertTrue(mail.getText().contains("/confirm/" + id + "?key="), mail.getText());
        assertTrue(mail.getHtml().contains("/confirm/" + id + "?key="));
        assertEquals("sent", sql.rows("SELECT status FROM confirmation_mail WHERE signature_id = ?::uuid", id)
                .get(0).get("status"));
    }

    @Test
    void signatureInFrenchGetsAFrenchReceiptAndMail() {
        Map<String, Object> body = Signer.valid();
        body.put("language", "fr");
        body.put("postalCode", "H2X-1Y4");
        given().contentType(ContentType.JSON).body(body)
                .when().post(SIGNATURES)
                .then().statusCode(202)
                .body("language", equalTo("fr"))
                .body("message", containsString("Consultez votre boîte"));
        mailer.sendDue();
        Mail mail = mailbox.getMailsSentTo((String) body.get("email")).get(0);
        assertEquals("Confirmez votre signature : Mettre fin à la complicité du Canada avec l'ICE", mail.getSubject());
        assertTrue(mail.getText().contains("Bonjour Marie-Ève"));
        assertEquals("QC", sql.rows("SELECT province FROM signature WHERE email = ?", body.get("email"))
                .get(0).get("province"));
    }

    @Test
    void signingAgainWithTheSameGmailMailboxIsIdempotentAndAnswersTheSame() {
        String user = "jane.doe" + System.nanoTime();
        String first = sign(Signer.valid(user + "@gmail.com")).body().asString();
        String second = sign(Signer.valid(user.replace(".", "") + "+ice@GoogleMail.com")).body().asString();
        assertEquals(first, second, "the answer must not reveal that the mailbox already signed");
        assertEquals(1, sql.count("SELECT count(*) FROM signature WHERE canonical_email = ?",
                user.replace(".", "") + "@gmail.com"));
    }

    @Test
    void dotsStaySignificantWhereTheProviderKeepsThemApart() {
        String user = "jo.smith" + System.nanoTime();
        sign(Signer.valid(user + "@example.ca"));
        sign(Signer.valid(user.replace(".", "") + "@example.ca"));
        assertEquals(2, sql.count("SELECT count(*) FROM signature WHERE email IN (?, ?)",
                user + "@example.ca", user.replace(".", "") + "@example.ca"));
    }

    @Test
    void confirmationMailIsResentAtMostThreeTimesADay() {
        String email = "again" + System.nanoTime() + "@example.ca";
        for (int i = 0; i < 5; i++) {
            assertEquals(202, sign(Signer.valid(email)).statusCode());
        }
        assertEquals(3, sql.count("SELECT count(*) FROM confirmation_mail m JOIN signature s "
                + "ON s.id = m.signature_id WHERE s.email = ?", email));
        mailer.sendDue();
        assertEquals(3, mailbox.getMailsSentTo(email).size());
    }

    @Test
    void signingAgainBeforeConfirmingSendsAMailThatSaysTheDetailsChanged() {
        String email = "updated" + System.nanoTime() + "@example.ca";
        Map<String, Object> body = Signer.valid(email);
        body.put("language", "fr");
        sign(body);
        body.put("firstName", "Élise");
        sign(body);
        mailer.sendDue();
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(2, mails.size());
        String updated = "Cette adresse a signé de nouveau avant de confirmer";
        // Both mails may leave in one drain, in either order: only the second one says the details changed.
        List<Mail> sayUpdated = mails.stream().filter(m -> m.getText().contains(updated)).toList();
        assertEquals(1, sayUpdated.size(), "a first signature is not an update");
        assertTrue(sayUpdated.get(0).getHtml().contains(updated));
        assertTrue(sayUpdated.get(0).getText().startsWith("Bonjour Élise"), sayUpdated.get(0).getText());
    }

    @Test
    void aConfirmedSignerWhoLostTheLinkGetsItAgainWithoutBeingAskedToConfirm() {
        String email = "lost" + System.nanoTime() + "@example.ca";
        Map<String, Object> body = Signer.valid(email);
        body.put("language", "fr");
        sign(body);
        mailer.sendDue();
        mailbox.clear();
        sql.update("UPDATE signature SET state = 'confirmed', confirmed_at = now() WHERE email = ?", email);
        given().contentType(ContentType.URLENC).formParam("email", email)
                .when().post("/campaigns/end-ice-complicity/lost-link?lang=fr").then().statusCode(200);
        mailer.sendDue();
        Mail mail = mailbox.getMailsSentTo(email).get(0);
        assertTrue(mail.getSubject().startsWith("Votre lien, de nouveau"), mail.getSubject());
        assertTrue(mail.getText().contains("déjà confirmée"), mail.getText());
        assertFalse(mail.getText().contains("Veuillez confirmer") || mail.getText().contains("valide"), mail.getText());
        assertTrue(mail.getHtml().contains("Ouvrir ma signature"));
    }

    @Test
    void confirmedSignerSigningAgainGetsNoNewMailAndTheSameAnswer() {
        String email = "confirmed" + System.nanoTime() + "@example.ca";
        String first = sign(Signer.valid(email)).body().asString();
        sql.update("UPDATE signature SET state = 'confirmed', confirmed_at = now() WHERE email = ?", email);
        String again = sign(Signer.valid(email)).body().asString();
        assertEquals(first, again);
        assertEquals(1, sql.count("SELECT count(*) FROM confirmation_mail m JOIN signature s "
                + "ON s.id = m.signature_id WHERE s.email = ?", email));
    }

    @Test
    void fiftyConcurrentIdenticalSubmissionsLeaveExactlyOneRow() throws Exception {
        String email = "burst" + System.nanoTime() + "@example.ca";
        Map<String, Object> body = Signer.valid(email);
        List<java.util.concurrent.Callable<Integer>> calls = java.util.stream.IntStream.range(0, 50)
                .<java.util.concurrent.Callable<Integer>>mapToObj(i -> () -> sign(body).statusCode())
                .toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        try {
            for (java.util.concurrent.Future<Integer> status : pool.invokeAll(calls)) {
                assertEquals(202, status.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, sql.count("SELECT count(*) FROM signature WHERE email = ?", email));
        long mails = sql.count("SELECT count(*) FROM confirmation_mail m JOIN signature s ON s.id = m.signature_id "
                + "WHERE s.email = ?", email);
        assertTrue(mails >= 1 && mails <= 3, "mails queued: " + mails);
    }

    @Test
    void plainHtmlFormPostRedirectsToTheThankYouPage() {
        String email = "form" + System.nanoTime() + "@example.ca";
        given().redirects().follow(false)
                .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .contentType(ContentType.URLENC)
                .formParam("firstName", "Émile").formParam("lastName", "Nelligan")
                .formParam("email", email).formParam("postalCode", "h2x 1y4")
                .formParam("language", "fr").formParam("consentUpdates", "true")
                .when().post(SIGNATURES)
                .then().statusCode(303)
                .header("Location", containsString("/campaigns/end-ice-complicity/thanks?lang=fr"));
        Map<String, Object> row = sql.rows("SELECT first_name, consent_updates FROM signature WHERE email = ?", email)
                .get(0);
        assertEquals("Émile", row.get("first_name"));
        assertEquals(true, row.get("consent_updates"));
        given().when().get("/campaigns/end-ice-complicity/thanks?lang=fr")
                .then().statusCode(200).body(containsString("consultez votre boîte"));
    }

    @Test
    void formPostFromAScriptGetsJson() {
        given().accept(ContentType.JSON).contentType(ContentType.URLENC)
                .formParam("firstName", "A").formParam("lastName", "B")
                .formParam("email", "script" + System.nanoTime() + "@example.ca")
                .formParam("postalCode", "M5V3L9")
                .when().post(SIGNATURES)
                .then().statusCode(202).contentType(ContentType.JSON).body("status", equalTo("received"));
    }

    @Test
    void formPostWithErrorsShowsTheFormAgainWithTheMessagesAndStoresNothing() {
        String email = "bad-form" + System.nanoTime() + "@example.ca";
        given().accept("text/html").contentType(ContentType.URLENC)
                .formParam("firstName", "Louis").formParam("lastName", "Riel")
                .formParam("email", email).formParam("postalCode", "D1A 1A1")
                .formParam("language", "fr")
                .when().post("/campaigns/end-ice-complicity?lang=fr")
                .then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("<p class=\"field-error\" id=\"postalCode-error\">Entrez un code postal canadien"))
                .body(containsString("id=\"postalCode\" name=\"postalCode\" aria-invalid=\"true\""))
                .body(containsString("aria-describedby=\"postalCode-error postalCode-hint\""))
                .body(containsString("action=\"/campaigns/end-ice-complicity?lang=fr\""))
                .body(containsString("value=\"Louis\""));
        assertEquals(0, sql.count("SELECT count(*) FROM signature WHERE email = ?", email));
    }

    @Test
    void theFormPageWorksInBothLanguages() {
        given().when().get("/campaigns/end-ice-complicity?lang=fr")
                .then().statusCode(200)
                .body(containsString("lang=\"fr\""))
                .body(containsString("Code postal"))
                .body(containsString("C-233"));
        String page = given().header("Accept-Language", "en-CA").when().get("/campaigns/end-ice-complicity")
                .then().statusCode(200).body(containsString("Postal code")).extract().body().asString();
        assertTrue(page.contains("<select id=\"fedCode\" name=\"fedCode\""), "the riding is a list of names");
        assertTrue(page.contains(">Ottawa Centre (ON)</option>"), "ridings are listed by name");
        assertTrue(page.contains("novalidate"), "the page's own messages, not the browser's");
        assertTrue(page.matches("(?s).*>\\d[\\d,]* confirmed signatures? of 50,000<.*"), "the count and the goal");
        assertTrue(page.contains("Organised by: The organisers of this campaign."), "who runs it");
        assertTrue(page.contains("href=\"/privacy?lang=en\""), "the privacy page");
        assertTrue(page.contains("hreflang=\"fr\""), "the language switch");
        assertFalse(page.contains("<script>"), "no inline script");
        assertEquals(1, page.split("id=\"sign\"", -1).length - 1, "the script finds the form by a unique id");
        given().redirects().follow(false).when().get("/")
                .then().statusCode(303).header("Location", containsString("/campaigns/end-ice-complicity"));
    }

    @Test
    void metricsCountSignaturesByOutcomeWithoutTellingNewAddressesFromRepeatedOnes() {
        Map<String, Object> body = Signer.valid();
        sign(body);
        sign(body);
        sign(Signer.with("postalCode", "nope"));
        given().when().get(management + "metrics")
                .then().statusCode(200)
                .body(containsString("constituent_signatures_total{outcome=\"received\"}"))
                .body(containsString("constituent_signatures_total{outcome=\"invalid\"}"))
                .body(not(containsString("already_signed")))
                .body(not(containsString("outcome=\"signed\"")));
    }

    @Test
    void openApiAndHealthAreServedOnTheManagementPort() {
        given().when().get(management + "openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/campaigns/{slug}/signatures"));
        given().when().get(management + "health/ready").then().statusCode(200)
                .body("checks.name", hasItem(containsString("Database")));
        given().when().get(management + "health/live").then().statusCode(200);
    }
}
