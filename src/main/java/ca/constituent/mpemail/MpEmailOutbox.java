package ca.constituent.mpemail;

import ca.constituent.common.MailFailures;
import ca.constituent.outbox.MailTransport;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers queued letters. A run claims due letters in one short transaction ({@code FOR UPDATE SKIP LOCKED}
 * under an advisory lock, so replicas share the queue and the per-inbox limit holds across them), marking them
 * {@code sending}; then sends them, a few at a time, and marks each {@code sent} the moment the SMTP server accepts
 * it. A letter whose worker died in {@code sending} is queued again after the lease.
 *
 * <p>Exactly once, save one window: a letter is sent twice only if the process dies after the SMTP server accepted
 * it and before the one-row update to {@code sent} commits, a few milliseconds. Both copies carry the same
 * Message-ID, derived from the outbox row, so mail systems can tell them apart.
 */
@ApplicationScoped
public class MpEmailOutbox {

    private static final long CLAIM_LOCK = 0x4d50_454d_4149_4cL;

    /**
     * Due letters taken round-robin across MP inboxes: each inbox's oldest first, then each one's second, and so on,
     * at most {@code ?} per inbox (its per-minute limit), so a backlog for one MP never holds another's letters.
     */
    private static final String DUE_ROUND_ROBIN = """
            SELECT m.id, m.to_email FROM mp_email m
            JOIN (SELECT id, row_number() OVER (PARTITION BY to_email ORDER BY next_attempt_at, id) AS turn
                  FROM mp_email e WHERE status = 'queued' AND next_attempt_at <= now()
                    -- an invalidated signer's letter waits here, and leaves if the signature is restored
                    AND NOT EXISTS (SELECT 1 FROM signature s WHERE s.id = e.signature_id AND s.state = 'invalidated')
                  ) due ON due.id = m.id
            WHERE due.turn <= ?
            ORDER BY due.turn, m.next_attempt_at, m.id
            LIMIT ?
            FOR UPDATE OF m SKIP LOCKED
            """;

    /** A letter claimed for sending. */
    record Claimed(long id, int attempts, String toName, String toEmail, String fromName, String replyTo,
                   boolean copyToSigner, String subject, String body) {
    }

    private final AgroalDataSource dataSource;
    private final MpEmailConfig config;
    private final MailTransport transport;
    private final String messageIdDomain;
    Clock clock = Clock.systemUTC();
    private volatile boolean running = true;

    MpEmailOutbox(AgroalDataSource dataSource, MailTransport transport, MpEmailConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        this.transport = transport;
        String from = config.fromAddress();
        this.messageIdDomain = from.substring(from.lastIndexOf('@') + 1);
    }

    @Scheduled(every = "${constituent.mp-email.every:1s}", delayed = "${constituent.mp-email.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drain() {
        requeueAbandoned();
        while (running && deliverDue() == config.batchSize()) {
            // a full batch: more letters may be due now; a partial one means the rest waits for its time or limit
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    /** Claims and sends one batch of due letters; returns how many were claimed. */
    int deliverDue() {
        if (!withinOfficeHours()) {
            return 0;
        }
        List<Claimed> claimed = claim();
        if (claimed.isEmpty()) {
            return 0;
        }
        transport.sendEach(claimed, this::compose, this::record);
        return claimed.size();
    }

    /** Records the outcome of one attempt: sent, failed for good, or queued again after a backoff. */
    private void record(Claimed letter, Throwable e) {
        if (e != null) {
            boolean permanent = MailFailures.isPermanent(e) || letter.attempts() >= config.maxAttempts();
            Log.warnf("MP email %d failed (attempt %d, %s)%s", letter.id(), letter.attempts(),
                    MailFailures.describe(e), permanent ? ", giving up" : ", will retry");
            long delay = config.firstRetryDelay().toSeconds() << Math.min(letter.attempts() - 1, 16);
            update(permanent
                    ? "UPDATE mp_email SET status = 'failed', last_error = ? WHERE id = ? AND status = 'sending'"
                    : "UPDATE mp_email SET status = 'queued', last_error = ?, "
                    + "next_attempt_at = now() + make_interval(secs => " + delay + ") "
                    + "WHERE id = ? AND status = 'sending'", MailFailures.describe(e), letter.id());
            return;
        }
        update("UPDATE mp_email SET status = 'sent', sent_at = now(), last_error = ? WHERE id = ?", null,
                letter.id());
    }

    Mail compose(Claimed letter) {
        Mail mail = Mail.withText(letter.toEmail(), letter.subject(), letter.body())
                .setFrom(displayName(letter.fromName()) + " <" + config.fromAddress() + ">")
                .setReplyTo(letter.replyTo())
                .addHeader("Message-ID", messageId(letter.id()))
                .addHeader("Auto-Submitted", "no");
        if (letter.copyToSigner()) {
            mail.setCc(List.of(letter.replyTo()));
        }
        return mail;
    }

    String messageId(long id) {
        return "<mp-email-" + id + "@" + messageIdDomain + ">";
    }

    /**
     * The signer's name as a display name. Names are validated free of line breaks; the characters that delimit
     * addresses are dropped, and the mail client encodes the rest (RFC 2047 for accents).
     */
    static String displayName(String name) {
        return name.replaceAll("[\"<>\\\\,;:@()\\[\\]]", "").strip();
    }

    boolean withinOfficeHours() {
        MpEmailConfig.OfficeHours hours = config.officeHours();
        if (!hours.enabled()) {
            return true;
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(hours.zone()));
        if (hours.weekdaysOnly()
                && (now.getDayOfWeek() == DayOfWeek.SATURDAY || now.getDayOfWeek() == DayOfWeek.SUNDAY)) {
            return false;
        }
        return !now.toLocalTime().isBefore(hours.start()) && now.toLocalTime().isBefore(hours.end());
    }

    private List<Claimed> claim() {
        List<Claimed> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, CLAIM_LOCK);
                    lock.execute();
                }
                List<Long> due = new ArrayList<>();
                List<String> inboxes = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(DUE_ROUND_ROBIN)) {
                    select.setInt(1, config.perInboxPerMinute() > 0 ? config.perInboxPerMinute() : config.batchSize());
                    select.setInt(2, config.batchSize() * 4);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            due.add(rows.getLong(1));
                            inboxes.add(rows.getString(2));
                        }
                    }
                }
                List<Long> chosen = withinInboxLimits(connection, due, inboxes);
                if (!chosen.isEmpty()) {
                    try (PreparedStatement mark = connection.prepareStatement("""
                            UPDATE mp_email SET status = 'sending', claimed_at = now(), attempts = attempts + 1
                            WHERE id = ANY (?)
                            RETURNING id, attempts, to_name, to_email, from_name, reply_to, copy_to_signer,
                                      subject, body
                            """)) {
                        Array ids = connection.createArrayOf("bigint", chosen.toArray());
                        mark.setArray(1, ids);
                        try (ResultSet rows = mark.executeQuery()) {
                            while (rows.next()) {
                                claimed.add(new Claimed(rows.getLong(1), rows.getInt(2), rows.getString(3),
                                        rows.getString(4), rows.getString(5), rows.getString(6),
                                        rows.getBoolean(7), rows.getString(8), rows.getString(9)));
                            }
                        }
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            Log.errorf("Claiming MP emails failed with SQL state %s", e.getSQLState());
            return List.of();
        }
        return claimed;
    }

    /** The due letters that fit under each inbox's limit for the last minute, in queue order, at most a batch. */
    private List<Long> withinInboxLimits(Connection connection, List<Long> due, List<String> inboxes)
            throws SQLException {
        int limit = config.perInboxPerMinute();
        List<Long> chosen = new ArrayList<>();
        if (due.isEmpty()) {
            return chosen;
        }
        Map<String, Integer> used = new HashMap<>();
        if (limit > 0) {
            try (PreparedStatement recent = connection.prepareStatement("""
                    SELECT to_email, count(*) FROM mp_email
                    WHERE status IN ('sending', 'sent') AND to_email = ANY (?)
                      AND coalesce(sent_at, claimed_at) > now() - interval '1 minute'
                    GROUP BY to_email
                    """)) {
                recent.setArray(1, connection.createArrayOf("text", inboxes.stream().distinct().toArray()));
                try (ResultSet rows = recent.executeQuery()) {
                    while (rows.next()) {
                        used.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
        }
        for (int i = 0; i < due.size() && chosen.size() < config.batchSize(); i++) {
            int n = used.getOrDefault(inboxes.get(i), 0);
            if (limit <= 0 || n < limit) {
                used.put(inboxes.get(i), n + 1);
                chosen.add(due.get(i));
            }
        }
        return chosen;
    }

    /**
     * Queues a failed letter again, to leave at the next run with a fresh count of attempts (an admin's "retry").
     * Returns false, changing nothing, when no letter with this id is {@code failed}.
     */
    public boolean retryFailed(long mpEmailId) {
        return update("UPDATE mp_email SET status = 'queued', attempts = 0, next_attempt_at = now(), last_error = ? "
                + "WHERE id = ? AND status = 'failed'", null, mpEmailId) == 1;
    }

    /** Letters left in {@code sending} past the lease belong to a worker that died: queue them again. */
    void requeueAbandoned() {
        update("UPDATE mp_email SET status = 'queued', next_attempt_at = now(), last_error = ? "
                + "WHERE status = 'sending' AND claimed_at < now() - make_interval(secs => "
                + config.lease().toSeconds() + ")", "abandoned in sending", null);
    }

    private int update(String sql, String error, Long id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, error);
            if (id != null) {
                statement.setLong(2, id);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            Log.errorf("Updating MP emails failed with SQL state %s", e.getSQLState());
            return 0;
        }
    }
}
