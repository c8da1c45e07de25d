package ca.constituent.common;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The threads that talk to the SMTP server, shared by every outbox: a claimed batch is sent a few mails at a time
 * ({@code constituent.mail.senders}, 8 by default, within the mailer's connection pool) instead of one by one.
 */
@ApplicationScoped
public class MailSenders {

    private final ExecutorService senders;

    MailSenders(AppConfig config) {
        this.senders = Executors.newFixedThreadPool(config.mailSenders(), r -> {
            Thread thread = new Thread(r, "mail-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code send} for every item, several at once, and returns when all are done. */
    public <T> void sendEach(List<T> items, Consumer<T> send) {
        List<Callable<Void>> tasks = items.stream().<Callable<Void>>map(item -> () -> {
            send.accept(item);
            return null;
        }).toList();
        try {
            senders.invokeAll(tasks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        senders.shutdown();
    }
}
