package ca.constituent.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox, shared by every kind of mail. */
@ConfigMapping(prefix = "constituent.outbox")
public interface OutboxConfig {

    /** How often each kind's queue is looked at for due mail. */
    @WithDefault("1s")
    String every();

    /** How long after start the first look waits. */
    @WithDefault("3s")
    String delay();

    /**
     * Rows of one kind claimed and not yet marked sent, at most: mails handed to the SMTP client and unanswered, and
     * mails accepted whose {@code sent} waits for the next turn's commit. It bounds what a crash can send twice, and
     * should exceed {@code quarkus.mailer.max-pool-size} so every pooled connection stays busy during a commit.
     */
    @WithDefault("24")
    int inFlight();

    /** Attempts before a mail is marked failed. */
    @WithDefault("8")
    int maxAttempts();

    /** Delay before the first retry of a transient failure; doubles with each attempt. */
    @WithDefault("PT30S")
    Duration firstRetryDelay();

    /**
     * A row left in {@code sending} longer than this (its process died) is queued again. Longer than any SMTP
     * exchange can last (see {@link #sendTimeout()}), so a slow send is never taken for a dead one.
     */
    @WithDefault("PT10M")
    Duration lease();

    /**
     * How long a batch waits for the SMTP server to accept its mails; a mail not accepted by then counts as a
     * transient failure and is retried later.
     */
    @WithDefault("PT30S")
    Duration sendTimeout();

    /**
     * On a graceful stop, how long the outbox waits for the answers to mails in flight before putting the
     * unanswered ones back in the queue (within {@code quarkus.shutdown.timeout}).
     */
    @WithDefault("PT5S")
    Duration shutdownWait();
}
