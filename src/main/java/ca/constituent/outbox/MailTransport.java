package ca.constituent.outbox;

import io.quarkus.arc.ClientProxy;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.LaunchMode;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.EmailAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way mail leaves the service. The {@link Outbox} hands each claimed mail to the Vert.x mail client at once,
 * and the client's connection pool sends them over at most {@code quarkus.mailer.max-pool-size} connections.
 *
 * <p>Everything the mail client does runs on one event-loop context of our own, so its connection pool is only ever
 * touched by one thread. The client (vertx-mail-client 4.5) attaches its reply handler to a new connection only after
 * the pool has handed the connection to the waiting send; when another thread ran the pool at that moment, the
 * connection was opened on that thread's event loop and the hand-off crossed threads, so the server's {@code 220}
 * greeting could arrive first and be dropped by a socket with no handler yet. The send then waited for a greeting
 * that never came until the send timeout, holding a pool slot. Two threads did that: sends made from several worker
 * threads, and the pool cleaner's timer, which runs on the context the client was created on. So the client is not
 * Quarkus' own (created at startup on another thread) but a copy of it, with the same {@code quarkus.mailer.*}
 * settings, created on our context: its cleaner then runs on our thread too. With Quarkus' client, a burst of 20
 * mails through 2 connections with a 1 ms cleaner stalled 99 sends in 1,000; with the copy, none in 3,000
 * ({@code MailTransportStallTest}).
 *
 * <p>With {@code quarkus.mailer.mock} (dev mode's default) mails go to Quarkus' mock mailbox instead; tests send over
 * SMTP.
 */
@ApplicationScoped
public class MailTransport {

    private final MailClient client;
    private final ReactiveMailer mock;
    private final boolean mocked;
    private final String defaultFrom;
    private final Context context;
    private final long timeoutMillis;

    MailTransport(Vertx vertx, MailClient quarkusClient, ReactiveMailer mock, OutboxConfig config,
                  @ConfigProperty(name = "quarkus.mailer.mock") Optional<Boolean> mocked,
                  @ConfigProperty(name = "quarkus.mailer.from") String defaultFrom) {
        this.mock = mock;
        this.mocked = mocked.orElse(LaunchMode.current().isDevOrTest());
        this.defaultFrom = defaultFrom;
        this.context = ((VertxInternal) vertx).createEventLoopContext();
        this.timeoutMillis = config.sendTimeout().toMillis();
        this.client = this.mocked ? null : createdOn(context, vertx, settingsOf(quarkusClient, timeoutMillis));
    }

    /**
     * The settings Quarkus built from {@code quarkus.mailer.*} (TLS, credentials, pool), read off its client, plus an
     * idle timeout of one send timeout when none is set: a connection on which nothing moves for that long is closed,
     * so a send that stalls for any reason gives its pool slot back instead of holding it for good.
     */
    private static MailConfig settingsOf(MailClient quarkusClient, long idleMillis) {
        MailClient client = ClientProxy.unwrap(quarkusClient);
        try {
            Field settings = client.getClass().getDeclaredField("config");
            settings.setAccessible(true);
            MailConfig copy = new MailConfig((MailConfig) settings.get(client));
            if (copy.getIdleTimeout() <= 0) {
                copy.setIdleTimeout((int) idleMillis).setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
            }
            return copy;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the mailer settings off " + quarkusClient.getClass()
                    + "; was vertx-mail-client upgraded? See MailTransport's class comment", e);
        }
    }

    /**
     * A mail client whose pool timers belong to {@code context}: created with {@code context} as the current one (on
     * this thread, without waiting for the event loop, which may be this very thread).
     */
    private static MailClient createdOn(Context context, Vertx vertx, MailConfig settings) {
        MailClient[] created = new MailClient[1];
        ((ContextInternal) context).dispatch(settings, s -> created[0] = MailClient.create(vertx, s));
        if (created[0] == null) {
            throw new IllegalStateException("The mail client could not be created; see the error logged before");
        }
        return created[0];
    }

    /** Closes our client's connections when the application stops (after the outbox has had its answers). */
    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
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
