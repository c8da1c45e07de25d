package ca.constituent.mpemail;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.PostgresResource;
import ca.constituent.support.ScriptedSmtpServer;
import ca.constituent.support.SmtpPort;
import ca.constituent.support.Signatures;
import ca.constituent.support.Signatures.Signed;
import ca.constituent.support.Sql;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The letter's real SMTP exchange, with GreenMail on loopback. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MpEmailSmtpTest {

    @Inject
    Signatures signatures;

    @Inject
    Sql sql;

    @Inject
    MpEmailOutbox outbox;

    @Inject
    LetterCopies copies;

    /**
     * The server on the mailer's port: GreenMail for the header test, which reads the message as a mail client
     * would; for the outbox mechanics, a scripted server that greets at once and counts what it accepts (GreenMail
     * now and then left a later connection without a greeting for its 30 s socket timeout, then answered 421,
     * which made those tests flaky).
     */
    static AutoCloseable server;
    static GreenMail greenMail;

    /** Each test starts with an empty outbox and the relay down (it answers 421) until it names a server. */
    @BeforeEach
    void emptyOutbox() {
        sql.update("DELETE FROM mp_email");
        sql.update("DELETE FROM signature WHERE email LIKE 'stall-%@example.org'");
        SmtpPort.down();
    }

    /** The database and the port as the other classes expect them: no letter of this class due, the default server. */
    @AfterEach
    void stopServer() throws Exception {
        SmtpPort.backToDefault();
        if (greenMail != null) {
            SmtpPort.stopForwardingTo(greenMail.getSmtp().getPort());
            greenMail.stop();
            greenMail = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
        sql.update("DELETE FROM mp_email");
        sql.update("DELETE FROM signature WHERE email LIKE 'stall-%@example.org'");
    }

    static ScriptedSmtpServer accepting() throws Exception {
        ScriptedSmtpServer accepting = ScriptedSmtpServer.accepting(SmtpPort.PORT);
        server = accepting;
        return accepting;
    }

    Signed queue(String language, boolean copy) {
        return queue(language, Map.of("copyToSigner", copy));
    }

    Signed queue(String language, Map<String, Object> edits) {
        Signed s = signatures.signAndConfirm(Signatures.in("B3H 1A1", language));
        given().header("X-Signer-Key", s.key()).contentType(ContentType.JSON)
                .body(edits)
                .when().post("/api/signatures/" + s.id() + "/mp-email/send")
                .then().statusCode(202);
        return s;
    }

    Map<String, Object> row(Signed s) {
        return sql.rows("SELECT id, status, attempts, last_error, to_email, subject, next_attempt_at > now() AS later "
                + "FROM mp_email WHERE signature_id = ?", s.id()).get(0);
    }

    @Test
    @Order(1)
    void theLetterLeavesWithEveryHeaderAnMpOfficeNeeds() throws Exception {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        SmtpPort.forwardTo(greenMail.getSmtp().getPort());
        Signed s = queue("fr", Map.of("copyToSigner", true,
                "subject", "Fermez les bureaux de l'ICE : déportations, complicité, Entente sur les tiers pays sûrs"));
        Map<String, Object> row = row(s);
        Signed withoutCopy = queue("en", false);
        assertEquals(2, outbox.deliverDue());
        assertEquals("sent", row(s).get("status"));

        MimeMessage mail = null;
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (GreenMailUtil.getAddressList(m.getRecipients(Message.RecipientType.TO))
                    .contains((String) row.get("to_email"))
                    && ((InternetAddress) m.getReplyTo()[0]).getAddress().equals(s.email())) {
                mail = m;
            }
        }
        assertNotNull(mail);
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertEquals("Marie-Ève Tremblay via End ICE Complicity", from.getPersonal());
        String rawFrom = mail.getHeader("From")[0];
        assertTrue(rawFrom.startsWith("=?UTF-8?B?") && rawFrom.endsWith(" <letters@constituent.localhost>"),
                "a display name encoded per RFC 2047, not a comment after the address: " + rawFrom);
        assertEquals("letters@constituent.localhost", from.getAddress());
        assertEquals(s.email(), ((InternetAddress) mail.getReplyTo()[0]).getAddress());
        assertEquals(row.get("to_email"), ((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0])
                .getAddress());
        assertEquals(null, mail.getHeader("Cc"), "the signer's copy is a mail of its own, never a Cc");
        assertEquals("Fermez les bureaux de l'ICE : déportations, complicité, Entente sur les tiers pays sûrs",
                mail.getSubject());
        assertTrue(mail.getHeader("Subject")[0].startsWith("=?"), "encoded for transport, decoded intact");
        assertEquals("<mp-email-" + row.get("id") + "@constituent.localhost>", mail.getMessageID());
        assertTrue(mail.getContentType().toLowerCase().contains("utf-8"), mail.getContentType());
        String body = (String) mail.getContent();
        assertTrue(body.contains("Je m'appelle Marie-Ève Tremblay. J'habite dans la circonscription de Halifax"),
                body);
        sql.update("UPDATE signature SET consent_updates = true WHERE id = ?", s.id());
        assertEquals(1, copies.sendDue(), "the signer's copy, queued when the letter left");
        MimeMessage copy = greenMail.getReceivedMessagesForDomain(s.email().substring(s.email().indexOf('@') + 1))[0];
        assertEquals(s.email(), ((InternetAddress) copy.getRecipients(Message.RecipientType.TO)[0]).getAddress());
        assertEquals(1, copy.getAllRecipients().length, "to the signer alone");
        assertTrue(copy.getSubject().startsWith("Votre lettre à "), copy.getSubject());
        String unsubscribe = copy.getHeader("List-Unsubscribe")[0];
        assertTrue(unsubscribe.startsWith("<http") && unsubscribe.endsWith("/unsubscribe/" + s.id() + "?key="
                + s.key() + ">"), unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", copy.getHeader("List-Unsubscribe-Post")[0]);

        MimeMessage plain = null;
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (((InternetAddress) m.getReplyTo()[0]).getAddress().equals(withoutCopy.email())) {
                plain = m;
            }
        }
        assertNotNull(plain);
        assertEquals(null, plain.getHeader("Cc"), "no Cc header when the signer wants no copy");
        for (var headers = plain.getAllHeaders(); headers.hasMoreElements(); ) {
            jakarta.mail.Header header = headers.nextElement();
            assertTrue(!header.getValue().isBlank(), "no empty header: " + header.getName());
        }
    }

    @Test
    @Order(4)
    void aTransientFailureIsRetriedLaterThenSucceeds() throws Exception {
        Signed s = queue("en", false);
        assertEquals(1, outbox.deliverDue(), "the relay is down: it answers 421");
        Map<String, Object> failed = row(s);
        assertEquals("queued", failed.get("status"));
        assertEquals(1, failed.get("attempts"));
        assertEquals(true, failed.get("later"));
        assertNotNull(failed.get("last_error"));

        ScriptedSmtpServer accepting = accepting();
        assertEquals(0, outbox.deliverDue(), "not before its backoff");
        sql.update("UPDATE mp_email SET next_attempt_at = now() WHERE signature_id = ?", s.id());
        assertEquals(1, outbox.deliverDue());
        assertEquals("sent", row(s).get("status"));
        assertEquals(2, row(s).get("attempts"));
        assertEquals(1, accepting.received());
    }

    Map<String, Object> copyRow(Signed s) {
        return sql.rows("SELECT c.status, c.attempts, c.last_error, c.next_attempt_at > now() AS later"
                + " FROM letter_copy c JOIN mp_email m ON m.id = c.mp_email_id WHERE m.signature_id = ?", s.id())
                .get(0);
    }

    @Test
    @Order(4)
    void aFailedCopyIsRetriedLaterLikeEveryMail() throws Exception {
        Signed s = queue("en", true);
        // As if the MP's server had accepted the letter (the trigger queues the copy), without binding the port
        // twice in one test: the port is free again only while no other socket on the machine has taken it.
        sql.update("UPDATE mp_email SET status = 'sent', sent_at = now() WHERE signature_id = ?", s.id());

        assertEquals(1, copies.sendDue(), "the relay is down: it answers 421");
        Map<String, Object> failed = copyRow(s);
        assertEquals("queued", failed.get("status"));
        assertEquals(1, failed.get("attempts"));
        assertEquals(true, failed.get("later"));
        assertNotNull(failed.get("last_error"));

        ScriptedSmtpServer accepting = accepting();
        assertEquals(0, copies.sendDue(), "not before its backoff");
        sql.update("UPDATE letter_copy SET next_attempt_at = now() WHERE mp_email_id ="
                + " (SELECT id FROM mp_email WHERE signature_id = ?)", s.id());
        assertEquals(1, copies.sendDue());
        assertEquals("sent", copyRow(s).get("status"));
        assertEquals(2, copyRow(s).get("attempts"));
        assertEquals(1, accepting.received());
    }

    @Test
    @Order(5)
    void aPermanentRefusalMarksTheLetterFailed() throws Exception {
        Signed s = queue("en", false);
        try (ScriptedSmtpServer rejecting = ScriptedSmtpServer.rejecting(SmtpPort.PORT)) {
            assertEquals(1, outbox.deliverDue());
        }
        Map<String, Object> row = row(s);
        assertEquals("failed", row.get("status"));
        assertEquals("SMTP 550", row.get("last_error"));
        given().header("X-Signer-Key", s.key()).when().get("/api/signatures/" + s.id() + "/mp-email")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("failed"));

        long id = ((Number) row.get("id")).longValue();
        assertTrue(outbox.retryFailed(id), "an admin may queue a failed letter again");
        assertEquals(false, outbox.retryFailed(id), "only a failed letter");
        ScriptedSmtpServer accepting = accepting();
        assertEquals(1, outbox.deliverDue());
        assertEquals("sent", row(s).get("status"));
        assertEquals(1, accepting.received());
    }

    @Test
    @Order(2)
    void eachInboxGetsAtMostItsShareOfLettersPerMinute() throws Exception {
        ScriptedSmtpServer accepting = accepting();
        for (int i = 0; i < 8; i++) {
            queue("en", false);
        }
        assertEquals(6, outbox.deliverDue());
        assertEquals(0, outbox.deliverDue(), "the other two wait for the next minute");
        assertEquals(6, sql.count("SELECT count(*) FROM mp_email WHERE status = 'sent'"));
        assertEquals(2, sql.count("SELECT count(*) FROM mp_email WHERE status = 'queued'"));
        assertEquals(6, accepting.received());
        sql.update("UPDATE mp_email SET sent_at = sent_at - interval '61 seconds', "
                + "claimed_at = claimed_at - interval '61 seconds' WHERE status = 'sent'");
        assertEquals(2, outbox.deliverDue());
        assertEquals(8, sql.count("SELECT count(*) FROM mp_email WHERE status = 'sent'"));
        assertEquals(8, accepting.received());
    }

    /**
     * The 60 s stall: sends that crossed threads inside the mail client's pool could lose the server's greeting and
     * wait for the blocking mailer's 60 s timeout. Many letters at once (one per inbox, so no limit holds them), first
     * with the relay down (it answers 421), then with a server that greets at once: every letter leaves well inside
     * that minute.
     */
    @Test
    @Order(6)
    void lettersQueuedWhileTheServerWasDownLeaveAtOnceWhenItIsBack() throws Exception {
        int letters = 200;
        queueLetters("down", letters, "'mp-' || g || '@parl.example.ca'");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertEquals(letters, outbox.deliverDue()),
                "the relay is down: every attempt is refused at once");
        assertEquals(letters, sql.count("SELECT count(*) FROM mp_email WHERE status = 'queued' AND attempts = 1"));

        ScriptedSmtpServer accepting = accepting();
        sql.update("UPDATE mp_email SET next_attempt_at = now()");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertEquals(letters, outbox.deliverDue()),
                "no send waits for a greeting that was lost");
        assertEquals(letters, sql.count("SELECT count(*) FROM mp_email WHERE status = 'sent'"));
        assertEquals(letters, accepting.received());
    }

    /** A backlog for one MP never holds the others' letters: inboxes take turns, each within its own limit. */
    @Test
    @Order(7)
    void aBacklogForOneMpDoesNotDelayTheOthers() throws Exception {
        ScriptedSmtpServer accepting = accepting();
        queueLetters("flood", 1000, "'mp-flooded@parl.example.ca'");
        queueLetters("few", 30, "'mp-' || (g % 3) || '@parl.example.ca'");
        assertEquals(6 * 4, outbox.deliverDue(), "six for each of the four inboxes, the flooded one included");
        assertEquals(18, sql.count("SELECT count(*) FROM mp_email WHERE status = 'sent' AND to_email <> "
                + "'mp-flooded@parl.example.ca'"));
        assertEquals(0, outbox.deliverDue(), "every inbox has had its share of this minute");
        sql.update("UPDATE mp_email SET sent_at = sent_at - interval '61 seconds', "
                + "claimed_at = claimed_at - interval '61 seconds' WHERE status = 'sent'");
        assertEquals(6 + 4 * 3, outbox.deliverDue());
        assertEquals(30, sql.count("SELECT count(*) FROM mp_email WHERE status = 'sent' AND to_email <> "
                + "'mp-flooded@parl.example.ca'"), "the few letters to the other MPs are all gone in two minutes");
        assertEquals(12 + 30, accepting.received());
    }

    /** {@code n} confirmed signatures tagged {@code tag}, each with a queued letter to {@code inbox} (SQL of g). */
    private void queueLetters(String tag, int n, String inbox) {
        sql.update("""
                INSERT INTO signature (id, campaign_id, state, first_name, last_name, email, canonical_email,
                                       postal_code, province, language, confirmed_at)
                SELECT gen_random_uuid(), c.id, 'confirmed', 'Queued', 'Signer ' || g, 'stall-%1$s-' || g
                       || '@example.org', 'stall-%1$s-' || g || '@example.org', 'B3H 1A1', 'NS', 'en', now()
                FROM campaign c, generate_series(1, ?) g WHERE c.slug = 'end-ice-complicity'
                """.formatted(tag), n);
        sql.update("""
                INSERT INTO mp_email (signature_id, campaign_id, fed_code, language, to_name, to_email, from_name,
                                      reply_to, subject, body)
                SELECT s.id, s.campaign_id, (SELECT min(fed_code) FROM riding), 'en', 'An MP', %s, 'Queued Signer',
                       s.email, 'A letter', 'Dear MP'
                FROM signature s, LATERAL (SELECT split_part(split_part(s.email, '@', 1), '-', 3)::int AS g) n
                WHERE s.email LIKE 'stall-%s-%%@example.org'
                """.formatted(inbox, tag));
    }

    @Test
    @Order(3)
    void aLetterAbandonedInSendingIsQueuedAgainAfterTheLease() throws Exception {
        ScriptedSmtpServer accepting = accepting();
        Signed s = queue("en", false);
        sql.update("UPDATE mp_email SET status = 'sending', claimed_at = now() - interval '9 minutes', "
                + "attempts = 1 WHERE signature_id = ?", s.id());
        assertEquals(0, outbox.deliverDue(), "within its 10-minute lease the letter may still be on its way");
        sql.update("UPDATE mp_email SET claimed_at = now() - interval '11 minutes' WHERE signature_id = ?", s.id());
        assertEquals(1, outbox.deliverDue(), "its process died: the letter is sent again");
        assertEquals("sent", row(s).get("status"));
        assertEquals(2, row(s).get("attempts"));
        assertEquals(1, accepting.received());
    }
}
