package ca.constituent.signature;

import ca.constituent.common.AppConfig;
import ca.constituent.common.Language;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The signer's private links, for mails to the signer alone: each carries the signer key, so none may reach anyone
 * else (an MP's copy of a letter, say).
 */
@ApplicationScoped
public class SignerLinks {

    private final SignerKeys keys;
    private final AppConfig app;

    SignerLinks(SignerKeys keys, AppConfig app) {
        this.keys = keys;
        this.app = app;
    }

    /** The confirmation page, which leads a confirmed signer to their letter. */
    public String confirm(UUID signatureId, Language language) {
        return link("/confirm/", signatureId) + "&lang=" + language.code();
    }

    /** Where the signer sees and erases their data. */
    public String data(UUID signatureId, Language language) {
        return link("/my-data/", signatureId) + "&lang=" + language.code();
    }

    /** The one-click unsubscribe link of the {@code List-Unsubscribe} header (RFC 8058: mail clients POST to it). */
    public String unsubscribe(UUID signatureId) {
        return link("/unsubscribe/", signatureId);
    }

    /**
     * {@code mail} with the RFC 8058 one-click unsubscribe headers: the mail client POSTs to the link, a GET only
     * shows a button.
     */
    public io.quarkus.mailer.Mail withOneClickUnsubscribe(io.quarkus.mailer.Mail mail, UUID signatureId) {
        return mail.addHeader("List-Unsubscribe", "<" + unsubscribe(signatureId) + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    /** The same link for the mail's text: a GET shows a page with one button, in the signer's language. */
    public String unsubscribe(UUID signatureId, Language language) {
        return unsubscribe(signatureId) + "&lang=" + language.code();
    }

    private String link(String path, UUID signatureId) {
        return app.publicBaseUrl() + path + signatureId + "?key=" + keys.keyFor(signatureId);
    }
}
