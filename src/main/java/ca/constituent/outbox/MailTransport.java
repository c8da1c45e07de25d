package ca.constituent.outbox;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.LaunchMode;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.EmailAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way mail leaves the service. The {@link Outbox} hands each claimed mail to the Vert.x mail client at once,
 * and the client's connection pool sends them over at most {@code quarkus.mailer.max-pool-size} connections.
 *
 * <p>Every call into the mail client is made on one event-loop context of our own. The client (vertx-mail-client
 * 4.5) attaches its reply handler to a new connection only after the connection has been handed, through the pool,
 * to the waiting send; when that hand-off crossed threads (sends from several worker threads, or a connection opened
 * for a queued send while another connection closed or failed to connect on another event loop), the server's
 * {@code 220} greeting could arrive first and was dropped by the socket, which has no handler yet. The send then
 * waited for a greeting that never came, until the blocking mailer's 60 s timeout, and its connection held a pool
 * slot. On one context the connect, the hand-off and the handler all run in the same event-loop task, before the
 * socket reads anything.
 *
 * <p>In dev and test mode ({@code quarkus.mailer.mock}) mails go to Quarkus' mock mailbox instead.
 */
@ApplicationScoped
public class MailTransport {

    private final MailClient client;
    private final ReactiveMailer mock;
    private final boolean mocked;
    private final String defaultFrom;
    private final Context context;
    private final long timeoutMillis;

    MailTransport(Vertx vertx, MailClient client, ReactiveMailer mock, OutboxConfig config,
                  @ConfigProperty(name = "quarkus.mailer.mock") Optional<Boolean> mocked,
                  @ConfigProperty(name = "quarkus.mailer.from") String defaultFrom) {
        this.client = client;
        this.mock = mock;
        this.mocked = mocked.orElse(LaunchMode.current().isDevOrTest());
        this.defaultFrom = defaultFrom;
        this.context = ((VertxInternal) vertx).createEventLoopContext();
        this.timeoutMillis = config.sendTimeout().toMillis();
    }

    /**
     * Hands {@code mail} to the SMTP client; the future completes when the server accepts it (its {@code 250}), or
     * fails with the server's refusal, a connection failure, or a {@link java.util.concurrent.TimeoutException}
     * after the send timeout.
     */
    public CompletableFuture<Void> send(Mail mail) {
        return (mocked ? mock.send(mail).subscribeAsCompletionStage().toCompletableFuture() : sendReal(mail))
                .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<Void> sendReal(Mail mail) {
        MailMessage message = message(mail);
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> client.sendMail(message).onComplete(result -> {
            if (result.succeeded()) {
                done.complete(null);
            } else {
                done.completeExceptionally(result.cause());
            }
        }));
        return done;
    }

    /**
     * The message as the mail client sends it: no header without a value (no empty {@code Cc:}), and From with its
     * display name as an RFC 5322 phrase, RFC 2047-encoded when it is not plain ASCII (the client itself would write
     * the name as a comment after the address).
     */
    MailMessage message(Mail mail) {
        EmailAddress from = new EmailAddress(mail.getFrom() != null ? mail.getFrom() : defaultFrom);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        mail.getHeaders().forEach(headers::add);
        headers.set("From", Addresses.mailbox(from.getName(), from.getEmail()));
        if (mail.getReplyTo() != null && !mail.getReplyTo().isBlank()) {
            headers.set("Reply-To", mail.getReplyTo());
        }
        MailMessage message = new MailMessage()
                .setFrom(from.getEmail())
                .setBounceAddress(mail.getBounceAddress())
                .setTo(mail.getTo())
                .setSubject(mail.getSubject())
                .setText(mail.getText())
                .setHtml(mail.getHtml())
                .setHeaders(headers);
        if (!mail.getCc().isEmpty()) {
            message.setCc(mail.getCc());
        }
        if (!mail.getBcc().isEmpty()) {
            message.setBcc(mail.getBcc());
        }
        return message;
    }
}
