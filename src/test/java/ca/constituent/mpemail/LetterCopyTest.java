package ca.constituent.mpemail;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.Mailbox;
import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signatures;
import ca.constituent.support.Signatures.Signed;
import ca.constituent.support.Sql;
import io.quarkus.mailer.Mail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The signer's copy of their letter is a mail of its own: the MP's mail carries no signer key nor private link, the
 * signer's copy carries the links to see or erase their data and, with consent to updates, to unsubscribe.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class LetterCopyTest {

    @Inject
    Signatures signatures;

    @Inject
    Sql sql;

    @Inject
    Mailbox mailbox;

    @Inject
    MpEmailOutbox letters;

    @Inject
    LetterCopies copies;

    Signed signer(String language, boolean consent) {
        Map<String, Object> body = Signatures.in("B3H 1A1", language);
        body.put("consentUpdates", consent);
        return signatures.signAndConfirm(body);
    }

    /**
     * Queues the signer's letter, addressed to an inbox of its own (no other test's letters count against its
     * per-minute limit), sends it and then the copies; returns the inbox.
     */
    String sendLetter(Signed s, boolean copy) {
        given().header("X-Signer-Key", s.key()).contentType(ContentType.JSON).body(Map.of("copyToSigner", copy))
                .when().post("/api/signatures/" + s.id() + "/mp-email/send").then().statusCode(202);
        String inbox = "mp-" + UUID.randomUUID() + "@parl.gc.ca";
        sql.update("UPDATE mp_email SET to_email = ? WHERE signature_id = ?", inbox, s.id());
        letters.deliverDue();
        copies.sendDue();
        return inbox;
    }

    Map<String, Object> letter(Signed s) {
        return sql.rows("SELECT to_name, subject, body FROM mp_email WHERE signature_id = ?", s.id()).get(0);
    }

    Mail copyOf(Signed s) {
        List<Mail> mails = mailbox.getMailsSentTo(s.email());
        assertEquals(1, mails.size(), "one copy, nothing else: " + mails.stream().map(Mail::getSubject).toList());
        return mails.get(0);
    }

    @Test
    void theMpsMailCarriesNoPrivateLinkAndTheSignersOwnCopyCarriesThemWithOneClickUnsubscribe() {
        Signed s = signer("fr", true);
        String inbox = sendLetter(s, true);
        Map<String, Object> letter = letter(s);

        List<Mail> toMp = mailbox.getMailsSentTo(inbox);
        assertEquals(1, toMp.size());
        Mail mp = toMp.get(0);
        assertTrue(mp.getCc().isEmpty() && mp.getBcc().isEmpty(), "the signer is not copied on the MP's mail");
        assertEquals(s.email(), mp.getReplyTo(), "the MP's reply still goes to the signer");
        assertNull(mp.getHeaders().get("List-Unsubscribe"));
        String seenByMp = mp.getSubject() + mp.getText() + mp.getHtml() + mp.getHeaders() + mp.getFrom();
        for (String secret : List.of(s.key(), "/my-data/", "/unsubscribe/", "/confirm/", "/letter/")) {
            assertFalse(seenByMp.contains(secret), "the MP's mail shows " + secret);
        }

        Mail copy = copyOf(s);
        assertEquals("Votre lettre à " + letter.get("to_name") + " a été envoyée", copy.getSubject());
        String text = copy.getText();
        assertTrue(text.startsWith("Bonjour Marie-Ève,"), text);
        assertTrue(text.contains("À : " + letter.get("to_name") + " <" + inbox + ">"), text);
        assertTrue(text.contains("Circonscription : Halifax"), text);
        assertTrue(text.contains("Envoyée le : "), text);
        assertTrue(text.contains("Objet : " + letter.get("subject")), text);
        assertTrue(text.contains((String) letter.get("body")), text);
        assertTrue(text.contains("/my-data/" + s.id() + "?key=" + s.key() + "&lang=fr"), text);
        assertTrue(text.contains("/unsubscribe/" + s.id() + "?key=" + s.key() + "&lang=fr"), text);
        assertTrue(copy.getHtml().contains("Voir ou effacer vos données"), copy.getHtml());
        String header = copy.getHeaders().get("List-Unsubscribe").get(0);
        assertTrue(header.startsWith("<http") && header.endsWith("/unsubscribe/" + s.id() + "?key=" + s.key() + ">"),
                header);
        assertEquals(List.of("List-Unsubscribe=One-Click"), copy.getHeaders().get("List-Unsubscribe-Post"));
        assertEquals(1, sql.count("SELECT count(*) FROM letter_copy c JOIN mp_email m ON m.id = c.mp_email_id"
                + " WHERE m.signature_id = ? AND c.status = 'sent'", s.id()));
    }

    @Test
    void aSignerWithoutConsentGetsNoUnsubscribeAndOnlyASignerWhoAskedGetsACopy() {
        Signed s = signer("en", false);
        sendLetter(s, true);
        Mail copy = copyOf(s);
        assertEquals("Your letter to " + letter(s).get("to_name") + " has been sent", copy.getSubject());
        assertTrue(copy.getText().contains("See or erase your data: "), copy.getText());
        assertTrue(copy.getText().contains("/my-data/" + s.id() + "?key=" + s.key() + "&lang=en"));
        assertFalse(copy.getText().contains("/unsubscribe/") || copy.getHtml().contains("/unsubscribe/"));
        assertNull(copy.getHeaders().get("List-Unsubscribe"));
        assertNull(copy.getHeaders().get("List-Unsubscribe-Post"));

        Signed noCopy = signer("en", true);
        sendLetter(noCopy, false);
        assertEquals("sent", sql.rows("SELECT status FROM mp_email WHERE signature_id = ?", noCopy.id()).get(0)
                .get("status"));
        assertEquals(0, mailbox.getMailsSentTo(noCopy.email()).size());
        assertEquals(0, sql.count("SELECT count(*) FROM letter_copy c JOIN mp_email m ON m.id = c.mp_email_id"
                + " WHERE m.signature_id = ?", noCopy.id()));
    }
}
