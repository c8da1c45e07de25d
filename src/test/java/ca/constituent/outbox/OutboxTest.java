package ca.constituent.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.SMTPException;
import java.sql.Array;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox's own rules, whatever the kind of mail: how many mails are in flight, when a row is marked, the failure
 * policy and the graceful stop. The table is a list in memory and the SMTP server a set of scripted answers; the
 * SQL of each state change is exercised by the SMTP tests of each kind.
 */
class OutboxTest {

    static final Vertx VERTX = Vertx.vertx();

    record TestRow(long id, int attempts) implements MailKind.Row {
    }

    /** A queue of {@code due} rows, claimed in order; records every state change. */
    static class Rows extends OutboxRows {
        final List<Long> due = new ArrayList<>();
        final List<Integer> claims = new CopyOnWriteArrayList<>();
        final Map<Long, String> states = new ConcurrentHashMap<>();
        /** The most rows in {@code sending} (claimed, not marked sent: what a crash could send twice) after a claim. */
        long mostSending;
        int attempts = 1;

        Rows(int n) {
            super(null);
            for (long id = 1; id <= n; id++) {
                due.add(id);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        synchronized <T extends MailKind.Row> List<T> claim(MailKind<T> kind, Collection<Long> sent, int max) {
            sent(kind.table(), sent);
            if (max <= 0) {
                return List.of();
            }
            List<T> claimed = new ArrayList<>();
            while (!due.isEmpty() && claimed.size() < max) {
                long id = due.remove(0);
                states.put(id, "sending");
                claimed.add((T) new TestRow(id, attempts));
            }
            claims.add(claimed.size());
            mostSending = Math.max(mostSending, states.values().stream().filter("sending"::equals).count());
            return claimed;
        }

        @Override
        synchronized void sent(String table, Collection<Long> ids) {
            ids.forEach(id -> states.put(id, "sent"));
        }

        @Override
        void failed(String table, long id, String error) {
            states.put(id, "failed " + error);
        }

        @Override
        void retryLater(String table, long id, String error, Duration after) {
            states.put(id, "queued " + error + " after " + after.toSeconds() + "s");
        }

        @Override
        void release(String table, Collection<Long> ids) {
            ids.forEach(id -> states.put(id, "released"));
        }

        @Override
        int reclaimExpired(String table, Duration lease) {
            return 0;
        }
    }

    /** An SMTP server whose answer to each mail the test decides; counts the mails it holds unanswered. */
    static class Server extends MailTransport {
        final AtomicInteger unanswered = new AtomicInteger();
        final AtomicInteger mostUnanswered = new AtomicInteger();
        final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor();
        final List<Mail> received = new CopyOnWriteArrayList<>();
        volatile Throwable answer;
        volatile boolean silent;

        Server() {
            super(VERTX, null, null, config(24), Optional.of(true), "from@example.org");
        }

        @Override
        public CompletableFuture<Void> send(Mail mail) {
            received.add(mail);
            mostUnanswered.accumulateAndGet(unanswered.incrementAndGet(), Math::max);
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (!silent) {
                answers.schedule(() -> {
                    unanswered.decrementAndGet();
                    if (answer == null) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(answer);
                    }
                }, 2, TimeUnit.MILLISECONDS);
            }
            return done;
        }
    }

    static final MailKind<TestRow> KIND = kind(row -> Mail.withText("to@example.org", "subject " + row.id(), "body"));

    /** A kind of mail whose rows are claimed by {@link Rows} and composed by {@code compose}. */
    static MailKind<TestRow> kind(Function<TestRow, Mail> compose) {
        return new MailKind<>() {
            @Override
            public String table() {
                return "test_mail";
            }

            @Override
            public List<TestRow> load(Connection connection, Array ids) {
                throw new UnsupportedOperationException("the test's rows claim by themselves");
            }

            @Override
            public Mail compose(TestRow row) {
                return compose.apply(row);
            }
        };
    }

    static OutboxConfig config(int inFlight) {
        return config(inFlight, Duration.ofSeconds(30));
    }

    static OutboxConfig config(int inFlight, Duration sendTimeout) {
        return new OutboxConfig() {
            public String every() {
                return "1s";
            }

            public String delay() {
                return "1s";
            }

            public int inFlight() {
                return inFlight;
            }

            public int maxAttempts() {
                return 8;
            }

            public Duration firstRetryDelay() {
                return Duration.ofSeconds(30);
            }

            public Duration lease() {
                return Duration.ofMinutes(10);
            }

            public Duration sendTimeout() {
                return sendTimeout;
            }

            public Duration shutdownWait() {
                return Duration.ofMillis(300);
            }
        };
    }

    @AfterAll
    static void closeVertx() {
        VERTX.close();
    }

    @Test
    void aDrainKeepsAtMostTheWindowInFlightAndMarksEveryAcceptedMailSent() {
        Rows rows = new Rows(500);
        Server server = new Server();
        Outbox outbox = new Outbox(rows, server, config(24));
        assertEquals(500, outbox.drain(KIND));
        assertTrue(server.mostUnanswered.get() <= 24, "in flight at most: " + server.mostUnanswered.get());
        assertTrue(rows.claims.stream().allMatch(n -> n <= 24), "claims: " + rows.claims);
        assertTrue(rows.claims.size() > 500 / 24, "small batches, not one big claim: " + rows.claims.size());
        assertTrue(rows.mostSending <= 24, "claimed and not marked sent at most: " + rows.mostSending);
        assertEquals(500, rows.states.values().stream().filter("sent"::equals).count());
    }

    @Test
    void aTransientFailureIsRetriedAfterABackoffThatDoublesAndAPermanentOneIsFinal() {
        Rows rows = new Rows(1);
        Server server = new Server();
        Outbox outbox = new Outbox(rows, server, config(24));
        server.answer = new SMTPException("451 try later", 451, List.of("451 try later"), false);
        rows.attempts = 3;
        outbox.drain(KIND);
        assertEquals("queued SMTP 451 after 120s", rows.states.get(1L), "30 s, doubled for attempts 2 and 3");

        rows.due.add(1L);
        rows.attempts = 8;
        outbox.drain(KIND);
        assertEquals("failed SMTP 451", rows.states.get(1L), "the eighth attempt is the last");

        rows.due.add(1L);
        rows.attempts = 1;
        server.answer = new SMTPException("550 no such mailbox", 550, List.of("550 no such mailbox"), false);
        outbox.drain(KIND);
        assertEquals("failed SMTP 550", rows.states.get(1L), "a 5xx answer is never retried");
    }

    @Test
    void aGracefulStopClaimsNothingMoreAndPutsTheUnansweredMailBack() throws Exception {
        Rows rows = new Rows(100);
        Server server = new Server();
        server.silent = true;
        Outbox outbox = new Outbox(rows, server, config(10));
        CompletableFuture<Integer> drain = CompletableFuture.supplyAsync(() -> outbox.drain(KIND));
        while (server.unanswered.get() < 10) {
            Thread.sleep(5);
        }
        long start = System.nanoTime();
        outbox.stop(null);
        assertEquals(10, drain.get(5, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "the wait is bounded");
        assertEquals(10, rows.states.values().stream().filter("released"::equals).count());
        assertEquals(90, rows.due.size(), "nothing claimed after the stop");
        assertEquals(0, outbox.drain(KIND), "a stopped outbox claims nothing");
    }

    @Test
    void everyValueAKindPutsInAHeaderLeavesOnOneLine() {
        MailKind<TestRow> injecting = kind(row -> Mail.withText("to@example.org",
                        "Hello\r\nBcc: everyone@example.org", "body\r\nstays")
                .setFrom("\"Jane\nBcc: x@example.org\" <from@example.org>")
                .setReplyTo("reply@example.org\r\nX-Injected: 1")
                .addHeader("List-Unsubscribe", "<https://example.org/u>\u2028X-Injected: 1"));
        Server server = new Server();
        new Outbox(new Rows(1), server, config(24)).drain(injecting);
        Mail mail = server.received.get(0);
        assertEquals("Hello Bcc: everyone@example.org", mail.getSubject());
        assertEquals("\"Jane Bcc: x@example.org\" <from@example.org>", mail.getFrom());
        assertEquals("reply@example.org X-Injected: 1", mail.getReplyTo());
        assertEquals(List.of("<https://example.org/u> X-Injected: 1"), mail.getHeaders().get("List-Unsubscribe"));
        assertEquals("body\r\nstays", mail.getText(), "the body keeps its lines");
    }
}
