package ca.constituent.signature;

import ca.constituent.common.AppConfig;
import ca.constituent.common.Language;
import ca.constituent.common.MailFailures;
import ca.constituent.outbox.MailTransport;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drains the confirmation-mail queue. A run claims due rows by pushing their next attempt one lease into the future
 * ({@code FOR UPDATE SKIP LOCKED}, so several replicas share the queue), sends them, then marks each sent or
 * schedules a retry with exponential backoff. If the process dies after claiming, the lease runs out and another
 * run sends the mail: a confirmation mail may arrive twice, never zero times.
 */
@ApplicationScoped
class ConfirmationMailer {

    private static final String CLAIM = """
            WITH due AS (
                SELECT id FROM confirmation_mail
                WHERE status = 'queued' AND next_attempt_at <= now()
                ORDER BY next_attempt_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED
            )
            UPDATE confirmation_mail m
            SET attempts = m.attempts + 1, next_attempt_at = now() + make_interval(secs => ?)
            FROM due, signature s, campaign c
            WHERE m.id = due.id AND s.id = m.signature_id AND c.id = s.campaign_id
            RETURNING m.id, m.attempts, s.id, s.first_name, s.email, s.language, c.slug, c.title_en, c.title_fr
            """;

    record Claimed(long mailId, int attempts, UUID signatureId, String firstName, String email, Language language,
                   String campaignSlug, String campaignTitle) {
    }

    private final AgroalDataSource dataSource;
    private final MailTransport transport;
    private final Engine engine;
    private final SignerKeys signerKeys;
    private final SignatureConfig config;
    private final AppConfig app;
    private volatile boolean running = true;

    ConfirmationMailer(AgroalDataSource dataSource, MailTransport transport, Engine engine, SignerKeys signerKeys,
                       SignatureConfig config, AppConfig app) {
        this.dataSource = dataSource;
        this.transport = transport;
        this.engine = engine;
        this.signerKeys = signerKeys;
        this.config = config;
        this.app = app;
    }

    @Scheduled(every = "${constituent.signatures.mail.every:2s}", delayed = "${constituent.signatures.mail.delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drain() {
        while (running && sendDue() == config.mail().batchSize()) {
            // a full batch: more mails may be due now
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    /** Sends the mails that are due now, at most one batch; returns how many were claimed. */
    int sendDue() {
        List<Claimed> claimed = claim();
        transport.sendEach(claimed, this::compose, this::deliver);
        return claimed.size();
    }

    private void deliver(Claimed mail, Throwable e) {
        if (e == null) {
            record(mail.mailId(), "sent", null, 0);
        } else {
            boolean permanent = MailFailures.isPermanent(e) || mail.attempts() >= config.mail().maxAttempts();
            Log.warnf("Confirmation mail %d failed (attempt %d, %s)%s", mail.mailId(), mail.attempts(),
                    MailFailures.describe(e), permanent ? ", giving up" : ", will retry");
            long retryIn = config.mail().firstRetryDelay().toSeconds() << Math.min(mail.attempts() - 1, 16);
            record(mail.mailId(), permanent ? "failed" : "queued", MailFailures.describe(e), retryIn);
        }
    }

    Mail compose(Claimed mail) {
        Language language = mail.language();
        String key = signerKeys.keyFor(mail.signatureId());
        String link = app.publicBaseUrl() + "/confirm/" + mail.signatureId() + "?key=" + key
                + "&lang=" + language.code();
        String unsubscribe = app.publicBaseUrl() + "/unsubscribe/" + mail.signatureId() + "?key=" + key;
        Map<String, Object> data = Map.of(
                "firstName", mail.firstName(),
                "campaignTitle", mail.campaignTitle(),
                "link", link,
                "validDays", config.confirmationValidDays(),
                "dataLink", app.publicBaseUrl() + "/my-data/" + mail.signatureId() + "?key=" + key
                        + "&lang=" + language.code(),
                "unsubscribeLink", unsubscribe + "&lang=" + language.code());
        Template text = engine.getTemplate("signature/confirmation-mail-" + language.code() + ".txt");
        Template html = engine.getTemplate("signature/confirmation-mail-" + language.code() + ".html");
        String subject = (language == Language.FR ? "Confirmez votre signature : " : "Confirm your signature: ")
                + mail.campaignTitle();
        // RFC 8058 one-click unsubscribe: the mail client POSTs to the link; a GET only shows a button.
        return Mail.withText(mail.email(), subject, text.data(data).render())
                .setHtml(html.data(data).render())
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    private List<Claimed> claim() {
        List<Claimed> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(CLAIM)) {
            statement.setInt(1, config.mail().batchSize());
            statement.setLong(2, config.mail().lease().toSeconds());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Language language = Language.parse(rows.getString(6)).orElse(Language.EN);
                    claimed.add(new Claimed(rows.getLong(1), rows.getInt(2), rows.getObject(3, UUID.class),
                            rows.getString(4), rows.getString(5), language, rows.getString(7),
                            language == Language.FR ? rows.getString(9) : rows.getString(8)));
                }
            }
        } catch (SQLException e) {
            Log.errorf("Claiming confirmation mails failed with SQL state %s", e.getSQLState());
        }
        return claimed;
    }

    /** Records the outcome of one attempt: sent, failed for good, or queued again {@code retryIn} seconds on. */
    private void record(long mailId, String status, String error, long retryIn) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     UPDATE confirmation_mail
                     SET status = ?, last_error = ?, next_attempt_at = now() + make_interval(secs => ?),
                         sent_at = CASE WHEN ? = 'sent' THEN now() END
                     WHERE id = ?
                     """)) {
            statement.setString(1, status);
            statement.setString(2, error);
            statement.setLong(3, retryIn);
            statement.setString(4, status);
            statement.setLong(5, mailId);
            statement.executeUpdate();
        } catch (SQLException e) {
            Log.errorf("Updating confirmation mail %d failed with SQL state %s", mailId, e.getSQLState());
        }
    }
}
