package ca.constituent.outbox;

import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers every kind of mail ({@link MailKind}) the same way. Each kind's queue is drained on a thread of its own,
 * so a backlog of letters never delays a confirmation mail. A drain keeps at most {@code in-flight} claimed rows
 * not yet marked sent (so a crash can send twice only those) and hands each to the {@link MailTransport} at once;
 * each turn, one transaction marks the mails the SMTP server accepted since the last turn {@code sent} and claims
 * as many due rows as the window has room for. Failures follow one policy: a 5xx answer or the last attempt marks
 * the row {@code failed}; anything else queues it again after a backoff that doubles with each attempt.
 *
 * <p>Rows a dead process left in {@code sending} are queued again once their lease has run out; on a graceful stop
 * the outbox claims nothing more, waits a little for the answers in flight and puts the unanswered rows back.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRows rows;
    private final MailTransport transport;
    private final OutboxConfig config;
    private final ExecutorService drains = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "outbox-drain");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> draining = ConcurrentHashMap.newKeySet();
    private final Set<Flight<?>> flights = ConcurrentHashMap.newKeySet();
    private final AtomicInteger active = new AtomicInteger();
    private volatile long stopBy = Long.MAX_VALUE;

    @Inject
    @All
    List<MailKind<?>> kinds;

    Outbox(OutboxRows rows, MailTransport transport, OutboxConfig config) {
        this.rows = rows;
        this.transport = transport;
        this.config = config;
    }

    /** Starts a drain of each kind whose previous drain has finished. */
    @Scheduled(every = "${constituent.outbox.every}", delayed = "${constituent.outbox.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drainEachKind() {
        for (MailKind<?> kind : kinds) {
            if (running() && draining.add(kind.table())) {
                drains.execute(() -> {
                    try {
                        drain(kind);
                    } finally {
                        draining.remove(kind.table());
                    }
                });
            }
        }
    }

    /**
     * Sends the mail of {@code kind} that is due now, a few at a time, until a claim finds less than it asked for
     * (the rest is not due yet, or over its recipient's limit). Returns how many rows were claimed.
     */
    public <T extends MailKind.Row> int drain(MailKind<T> kind) {
        active.incrementAndGet();
        try {
            rows.reclaimExpired(kind.table(), config.lease());
            Flight<T> flight = new Flight<>();
            flights.add(flight);
            try {
                return sendDue(kind, flight);
            } finally {
                flights.remove(flight);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            active.decrementAndGet();
        }
    }

    /**
     * One transaction per turn: it marks the mails accepted since the last turn sent and claims as many rows as the
     * window has room for once they are; then the turn waits for the next answers. Accepted mails stay in the window
     * until that commit, so claimed rows not yet marked sent (those a crash could send twice) never exceed
     * {@code in-flight}, before the commit or after it.
     */
    private <T extends MailKind.Row> int sendDue(MailKind<T> kind, Flight<T> flight) throws InterruptedException {
        int claimed = 0;
        boolean more = true;
        List<Long> accepted = new ArrayList<>();
        try {
            while (true) {
                // The accepted rows are marked sent in the transaction that claims: at its commit, only the rows
                // still unanswered and the new ones are in sending.
                int room = more && running() ? config.inFlight() - flight.size() : 0;
                List<T> batch = rows.claim(kind, accepted, room);
                accepted.clear();
                claimed += batch.size();
                more = more && (room == 0 || batch.size() == room);
                batch.forEach(row -> flight.add(row, send(kind, row)));
                if (flight.isEmpty()) {
                    return claimed;
                }
                List<Flight.Outcome<T>> outcomes = flight.next(running()
                        ? config.sendTimeout().toNanos() : stopBy - System.nanoTime());
                if (outcomes.isEmpty() && !running() && System.nanoTime() - stopBy >= 0) {
                    return claimed;
                }
                record(kind.table(), outcomes, accepted);
            }
        } finally {
            rows.sent(kind.table(), accepted);
            rows.release(kind.table(), new ArrayList<>(flight.unansweredIds()));
        }
    }

    private <T extends MailKind.Row> CompletableFuture<Void> send(MailKind<T> kind, T row) {
        try {
            Mail mail = HeaderLines.oneLine(kind.compose(row));
            return transport.send(mail);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Adds the accepted rows to {@code accepted} (marked sent by the next turn) and applies the failure policy. */
    private <T extends MailKind.Row> void record(String table, List<Flight.Outcome<T>> outcomes, List<Long> accepted) {
        for (Flight.Outcome<T> outcome : outcomes) {
            if (outcome.failure() == null) {
                accepted.add(outcome.row().id());
            } else {
                failed(table, outcome.row(), outcome.failure());
            }
        }
    }

    private void failed(String table, MailKind.Row row, Throwable failure) {
        boolean permanent = MailFailures.isPermanent(failure) || row.attempts() >= config.maxAttempts();
        String reason = MailFailures.describe(failure);
        Log.warnf("Mail %s %d failed (attempt %d, %s)%s", table, row.id(), row.attempts(), reason,
                permanent ? ", giving up" : ", will retry");
        if (permanent) {
            rows.failed(table, row.id(), reason);
        } else {
            rows.retryLater(table, row.id(), reason, backoff(row.attempts()));
        }
    }

    /** The delay before attempt {@code attempts + 1}: the first retry delay, doubled for each attempt since. */
    Duration backoff(int attempts) {
        return config.firstRetryDelay().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
    }

    /** Queues a failed row of {@code kind} again, with a fresh count of attempts; false unless it was failed. */
    public boolean retryFailed(MailKind<?> kind, long id) {
        return rows.retryFailed(kind.table(), id);
    }

    private boolean running() {
        return stopBy == Long.MAX_VALUE;
    }

    /**
     * A graceful stop: no drain claims anything more; each waits up to {@code shutdown-wait} for the answers in
     * flight, records them, and puts the rows still unanswered back in the queue for another replica or the next
     * start.
     */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        long wait = config.shutdownWait().toNanos();
        stopBy = System.nanoTime() + wait;
        flights.forEach(Flight::wake);
        drains.shutdown();
        long until = System.nanoTime() + wait + TimeUnit.SECONDS.toNanos(1);
        while (active.get() > 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }
}
