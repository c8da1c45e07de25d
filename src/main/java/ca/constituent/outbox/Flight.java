package ca.constituent.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The mails of one drain that were handed to the SMTP client and are not recorded yet. Their outcomes arrive on the
 * client's event loop; the draining thread takes them from here and records them.
 */
final class Flight<T extends MailKind.Row> {

    /** One mail's outcome: {@code failure} is null when the server accepted it. */
    record Outcome<T>(T row, Throwable failure) {
    }

    private final Map<Long, T> unanswered = new HashMap<>();
    private final BlockingQueue<Outcome<T>> answered = new LinkedBlockingQueue<>();

    void add(T row, CompletableFuture<Void> send) {
        unanswered.put(row.id(), row);
        send.whenComplete((ok, failure) -> answered.add(new Outcome<>(row, unwrap(failure))));
    }

    int size() {
        return unanswered.size();
    }

    boolean isEmpty() {
        return unanswered.isEmpty();
    }

    /** Makes a waiting {@link #next} return now, e.g. because the process is stopping. */
    void wake() {
        answered.add(new Outcome<>(null, null));
    }

    /** Ids of the rows still waiting for an answer. */
    Set<Long> unansweredIds() {
        return unanswered.keySet();
    }

    /**
     * Waits at most {@code nanos} for an outcome, then returns it with every other outcome already known; empty if
     * none came in time or the flight was woken.
     */
    List<Outcome<T>> next(long nanos) throws InterruptedException {
        Outcome<T> first = answered.poll(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        List<Outcome<T>> outcomes = new ArrayList<>();
        if (first == null) {
            return outcomes;
        }
        outcomes.add(first);
        answered.drainTo(outcomes);
        outcomes.removeIf(outcome -> outcome.row() == null);
        outcomes.forEach(outcome -> unanswered.remove(outcome.row().id()));
        return outcomes;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
