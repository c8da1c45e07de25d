package ca.constituent.mpemail;

import ca.constituent.outbox.MailKind;
import ca.constituent.outbox.Outbox;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Letters to MPs as a kind of outbox mail ({@code mp_email}): which letters go first ({@link InboxTurns}, within
 * office hours when those are on), and how a row reads as a mail. The {@link Outbox} claims, sends and records them.
 *
 * <p>A letter is sent twice only if the process dies after the SMTP server accepted it and before its update to
 * {@code sent} commits; at most the outbox's {@code in-flight} letters are in that window. Both copies carry the
 * same Message-ID, derived from the row, so mail systems can tell them apart.
 */
@ApplicationScoped
public class MpEmailOutbox implements MailKind<MpEmailOutbox.Claimed> {

    /** A letter claimed for sending. */
    record Claimed(long id, int attempts, String toName, String toEmail, String fromName, String replyTo,
                   String subject, String body) implements MailKind.Row {
    }

    private final Outbox outbox;
    private final InboxTurns turns;
    private final MpEmailConfig config;
    private final String messageIdDomain;
    Clock clock = Clock.systemUTC();

    MpEmailOutbox(Outbox outbox, InboxTurns turns, MpEmailConfig config) {
        this.outbox = outbox;
        this.turns = turns;
        this.config = config;
        String from = config.fromAddress();
        this.messageIdDomain = from.substring(from.lastIndexOf('@') + 1);
    }

    /** Sends every letter due now; returns how many were claimed. */
    int deliverDue() {
        return outbox.drain(this);
    }

    /**
     * Queues a failed letter again, to leave at the next run with a fresh count of attempts (an admin's "retry").
     * Returns false, changing nothing, when no letter with this id is {@code failed}.
     */
    public boolean retryFailed(long mpEmailId) {
        return outbox.retryFailed(this, mpEmailId);
    }

    @Override
    public String table() {
        return "mp_email";
    }

    @Override
    public List<Long> due(Connection connection, int max) throws SQLException {
        return withinOfficeHours() ? turns.due(connection, max) : List.of();
    }

    @Override
    public List<Claimed> load(Connection connection, Array ids) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, attempts, to_name, to_email, from_name, reply_to, subject, body
                FROM mp_email WHERE id = ANY (?)
                """)) {
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getLong(1), rows.getInt(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8)));
                }
            }
        }
        return claimed;
    }

    /**
     * The letter as the MP receives it: to the MP alone, with the signer in Reply-To. A signer who asked for a copy
     * gets one of their own ({@link LetterCopies}), never a Cc of this mail, so no private link of theirs is here.
     */
    @Override
    public Mail compose(Claimed letter) {
        return Mail.withText(letter.toEmail(), letter.subject(), letter.body())
                .setFrom(displayName(letter.fromName()) + " <" + config.fromAddress() + ">")
                .setReplyTo(letter.replyTo())
                .addHeader("Message-ID", messageId(letter.id()))
                .addHeader("Auto-Submitted", "no");
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
}
