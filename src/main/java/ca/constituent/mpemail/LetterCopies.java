package ca.constituent.mpemail;

import ca.constituent.common.Language;
import ca.constituent.common.Messages;
import ca.constituent.common.Texts;
import ca.constituent.outbox.MailKind;
import ca.constituent.outbox.Outbox;
import ca.constituent.signature.SignerLinks;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The signer's copy of their letter as a kind of outbox mail ({@code letter_copy}): a mail to the signer alone,
 * queued when the letter to the MP is sent (a trigger on {@code mp_email}), in the signer's language. It says what
 * went to which MP and when, quotes the letter, and carries the signer's private links (see or erase their data;
 * stop updates, with the one-click {@code List-Unsubscribe} headers, when they consented to updates). The MP's own
 * mail carries none of this. The {@link Outbox} claims, sends, retries and records copies like every other mail.
 */
@ApplicationScoped
class LetterCopies implements MailKind<LetterCopies.Claimed> {

    record Claimed(long id, int attempts, UUID signatureId, String firstName, String email, Language language,
                   boolean consentUpdates, String mpName, String mpEmail, String riding, String subject,
                   String body, OffsetDateTime sentAt) implements MailKind.Row {
    }

    /** What the copy's templates show; {@code unsubscribe} is null without consent to updates. */
    record Copy(String firstName, String mpName, String mpEmail, String riding, String sentAt, String subject,
                String body, String data, String unsubscribe) {
    }

    @CheckedTemplate(basePath = "mpemail")
    static class Templates {
        static native TemplateInstance letterCopy(Texts t, Copy copy);

        static native TemplateInstance letterCopyHtml(Texts t, Copy copy);
    }

    private final Outbox outbox;
    private final SignerLinks links;
    private final ZoneId zone;

    LetterCopies(Outbox outbox, SignerLinks links, MpEmailConfig config) {
        this.outbox = outbox;
        this.links = links;
        this.zone = config.officeHours().zone();
    }

    /** Sends every copy due now; returns how many were claimed. */
    int sendDue() {
        return outbox.drain(this);
    }

    @Override
    public String table() {
        return "letter_copy";
    }

    @Override
    public List<Claimed> load(Connection connection, Array ids) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT c.id, c.attempts, s.id, s.first_name, s.email, s.language, s.consent_updates,
                       m.to_name, m.to_email, CASE s.language WHEN 'fr' THEN r.name_fr ELSE r.name_en END,
                       m.subject, m.body, m.sent_at
                FROM letter_copy c JOIN mp_email m ON m.id = c.mp_email_id
                JOIN signature s ON s.id = m.signature_id JOIN riding r ON r.fed_code = m.fed_code
                WHERE c.id = ANY (?)
                """)) {
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getLong(1), rows.getInt(2), rows.getObject(3, UUID.class),
                            rows.getString(4), rows.getString(5),
                            Language.parse(rows.getString(6)).orElse(Language.EN), rows.getBoolean(7),
                            rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11),
                            rows.getString(12), rows.getObject(13, OffsetDateTime.class)));
                }
            }
        }
        return claimed;
    }

    @Override
    public Mail compose(Claimed row) {
        Language language = row.language();
        UUID id = row.signatureId();
        Copy copy = new Copy(row.firstName(), row.mpName(), row.mpEmail(), row.riding(), when(row, language),
                row.subject(), row.body(), links.data(id, language),
                row.consentUpdates() ? links.unsubscribe(id, language) : null);
        Texts texts = new Texts(language);
        Mail mail = Mail.withText(row.email(),
                        Messages.get(language, "mail.letter-copy.subject", Map.of("mp", row.mpName())),
                        Templates.letterCopy(texts, copy).render())
                .setHtml(Templates.letterCopyHtml(texts, copy).render());
        return row.consentUpdates() ? links.withOneClickUnsubscribe(mail, id) : mail;
    }

    /** When the letter left, in the office-hours zone, as the signer's language writes dates. */
    private String when(Claimed row, Language language) {
        return row.sentAt().atZoneSameInstant(zone).format(DateTimeFormatter
                .ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(language.locale()))
                + " (" + row.sentAt().atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("zzz",
                language.locale())) + ")";
    }
}
