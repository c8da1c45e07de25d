package ca.constituent.signature;

import ca.constituent.common.Language;
import ca.constituent.common.Messages;
import ca.constituent.common.Texts;
import ca.constituent.outbox.MailKind;
import ca.constituent.outbox.Outbox;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Confirmation mails as a kind of outbox mail ({@code confirmation_mail}): the oldest due first, rendered from the
 * {@code signature/confirmationMail*} templates in the signer's language. The {@link Outbox} claims, sends, retries
 * and records them; if the process dies after the SMTP server accepted one, it may arrive twice, never zero times.
 */
@ApplicationScoped
class ConfirmationMailer implements MailKind<ConfirmationMailer.Claimed> {

    record Claimed(long id, int attempts, UUID signatureId, String firstName, String email, Language language,
                   String campaignTitle, boolean afterUpdate, boolean confirmed) implements MailKind.Row {
    }

    /**
     * What the mail's templates show; {@code afterUpdate} when a later signature with the same address replaced the
     * pending details, so the mail asks to check them before confirming.
     */
    record Links(String firstName, String campaignTitle, int validDays, String confirm, String data,
                 String unsubscribe, boolean afterUpdate, boolean confirmed) {
    }

    @CheckedTemplate(basePath = "signature")
    static class Templates {
        static native TemplateInstance confirmationMail(Texts t, Links mail);

        static native TemplateInstance confirmationMailHtml(Texts t, Links mail);
    }

    private final Outbox outbox;
    private final SignerLinks signerLinks;
    private final SignatureConfig config;

    ConfirmationMailer(Outbox outbox, SignerLinks signerLinks, SignatureConfig config) {
        this.outbox = outbox;
        this.signerLinks = signerLinks;
        this.config = config;
    }

    /** Sends every confirmation mail due now; returns how many were claimed. */
    int sendDue() {
        return outbox.drain(this);
    }

    @Override
    public String table() {
        return "confirmation_mail";
    }

    @Override
    public List<Claimed> load(Connection connection, Array ids) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT m.id, m.attempts, s.id, s.first_name, s.email, s.language,
                       CASE s.language WHEN 'fr' THEN c.title_fr ELSE c.title_en END, m.after_update,
                       s.state = 'confirmed'
                FROM confirmation_mail m JOIN signature s ON s.id = m.signature_id
                JOIN campaign c ON c.id = s.campaign_id
                WHERE m.id = ANY (?)
                """)) {
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getLong(1), rows.getInt(2), rows.getObject(3, UUID.class),
                            rows.getString(4), rows.getString(5),
                            Language.parse(rows.getString(6)).orElse(Language.EN), rows.getString(7),
                            rows.getBoolean(8), rows.getBoolean(9)));
                }
            }
        }
        return claimed;
    }

    @Override
    public Mail compose(Claimed mail) {
        Language language = mail.language();
        UUID id = mail.signatureId();
        Links links = new Links(mail.firstName(), mail.campaignTitle(), config.confirmationValidDays(),
                signerLinks.confirm(id, language), signerLinks.data(id, language),
                signerLinks.unsubscribe(id, language), mail.afterUpdate(), mail.confirmed());
        Texts texts = new Texts(language);
        // A confirmed signer gets this mail only when they asked for their link again ("lost your link?").
        String subject = Messages.get(language, mail.confirmed() ? "mail.link-again.subject"
                : "mail.confirmation.subject", Map.of("title", mail.campaignTitle()));
        return signerLinks.withOneClickUnsubscribe(
                Mail.withText(mail.email(), subject, Templates.confirmationMail(texts, links).render())
                        .setHtml(Templates.confirmationMailHtml(texts, links).render()), id);
    }
}
