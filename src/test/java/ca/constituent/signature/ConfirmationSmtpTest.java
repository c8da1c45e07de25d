package ca.constituent.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ca.constituent.support.PostgresResource;
import ca.constituent.support.ScriptedSmtpServer;
import ca.constituent.support.Signatures;
import ca.constituent.support.Signatures.Signed;
import ca.constituent.support.Signer;
import ca.constituent.support.SmtpPort;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Confirmation mails over real SMTP (the letters' loopback port): failures, retries, nothing lost. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ConfirmationSmtpTest {

    @Inject
    Signatures signatures;

    @Inject
    Sql sql;

    @Inject
    ConfirmationMailer mailer;

    @BeforeEach
    void onlyThisTestsMailIsDue() {
        sql.update("UPDATE confirmation_mail SET status = 'failed' WHERE status = 'queued'");
    }

    @AfterEach
    void mailGoesToTheDefaultServerAgain() {
        SmtpPort.backToDefault();
    }

    Map<String, Object> mailOf(Signed s) {
        return sql.rows("SELECT status, attempts, last_error, next_attempt_at > now() AS later, sent_at "
                + "FROM confirmation_mail WHERE signature_id = ?", s.id()).get(0);
    }

    @Test
    void aMailQueuedWhileTheServerIsDownIsRetriedLaterAndLeavesWhenItIsBack() throws Exception {
        Signed s = signatures.sign(Signer.valid());
        SmtpPort.down();
        assertEquals(1, mailer.sendDue(), "the relay is down: it answers 421");
        Map<String, Object> refused = mailOf(s);
        assertEquals("queued", refused.get("status"), "a transient failure loses nothing");
        assertEquals(1, refused.get("attempts"));
        assertEquals(true, refused.get("later"), "retried after a backoff, not at once");
        assertNotNull(refused.get("last_error"));

        try (ScriptedSmtpServer accepting = ScriptedSmtpServer.accepting(SmtpPort.PORT)) {
            assertEquals(0, mailer.sendDue(), "not before its backoff");
            sql.update("UPDATE confirmation_mail SET next_attempt_at = now() WHERE signature_id = ?", s.id());
            assertEquals(1, mailer.sendDue());
            assertEquals(1, accepting.received());
        }
        Map<String, Object> sent = mailOf(s);
        assertEquals("sent", sent.get("status"));
        assertEquals(2, sent.get("attempts"));
        assertNotNull(sent.get("sent_at"));
    }

    @Test
    void aPermanentRefusalMarksTheMailFailed() throws Exception {
        Signed s = signatures.sign(Signer.valid());
        try (ScriptedSmtpServer rejecting = ScriptedSmtpServer.rejecting(SmtpPort.PORT)) {
            assertEquals(1, mailer.sendDue());
        }
        Map<String, Object> failed = mailOf(s);
        assertEquals("failed", failed.get("status"));
        assertEquals("SMTP 550", failed.get("last_error"));
        assertEquals(0, mailer.sendDue(), "a failed mail is not tried again");
    }
}
