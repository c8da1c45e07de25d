package ca.constituent.signature;

import ca.constituent.abuse.AbuseConfig;
import ca.constituent.abuse.AbuseScreen;
import ca.constituent.common.DatabaseFailures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Writes signatures in batches: requests wait in a queue, a few writer threads each take whatever has queued up
 * (up to {@code batch-size}) and store it with one statement in one transaction. A request is answered only after
 * its batch has committed, so every 202 has its row; batching only means many signatures share one commit, which is
 * what lets intake outrun the database's commit rate. Nothing waits for a batch to fill: a lone request is
 * written at once.
 */
@ApplicationScoped
class SignatureWriter {

    /** What became of one signature. */
    enum Outcome { SIGNED, ALREADY_SIGNED, CAMPAIGN_CLOSED, CAMPAIGN_NOT_FOUND }

    record Pending(String slug, UUID id, NewSignature signature, String ipHash, String mailbox,
                   AbuseScreen.Screening screening, CompletableFuture<Outcome> result) {
    }

    /** Locks each mailbox of a batch in one fixed order (so two batches never wait on each other in a cycle). */
    private static final String LOCK_MAILBOXES = """
            SELECT pg_advisory_xact_lock(h) FROM (
                SELECT DISTINCT hashtextextended(m, 5) AS h FROM unnest(?::text[]) m ORDER BY 1
            ) mailbox
            """;

    private final AgroalDataSource dataSource;
    private final SignatureConfig config;
    private final AbuseConfig.Limits limits;
    /** Each writer adds the mails it queues to its own row of the hourly budget; replicas pick their own range. */
    private final int shardBase = new java.security.SecureRandom().nextInt(1 << 20) * 64;
    private final BlockingQueue<Pending> queue;
    private final List<Thread> writers = new ArrayList<>();
    /** Submitting holds it shared, stopping exclusively: nothing is queued after the writers are told to stop. */
    private final ReadWriteLock intake = new ReentrantReadWriteLock();
    private volatile boolean running = true;

    SignatureWriter(AgroalDataSource dataSource, SignatureConfig config, AbuseConfig abuse) {
        this.dataSource = dataSource;
        this.config = config;
        this.limits = abuse.limits();
        this.queue = new LinkedBlockingQueue<>(config.writer().queueCapacity());
    }

    void start(@Observes StartupEvent event) {
        for (int i = 0; i < config.writer().threads(); i++) {
            int shard = shardBase + i;
            Thread thread = new Thread(() -> drain(shard), "signature-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            writers.add(thread);
        }
    }

    /**
     * On shutdown (after the HTTP server stopped taking requests and let in-flight ones finish), refuses new
     * signatures and lets the writers store every queued one before they exit, so every 202 has its row.
     */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        intake.writeLock().lock();
        try {
            running = false;
        } finally {
            intake.writeLock().unlock();
        }
        for (Thread thread : writers) {
            thread.join(10_000);
        }
    }

    /**
     * Queues a validated signature; the stage completes once it is committed. When the queue is full the stage
     * fails at once with {@link Overloaded}, which the caller answers with 503, so nothing is accepted unwritten.
     */
    CompletionStage<Outcome> submit(String slug, NewSignature signature, String ipHash, String mailbox,
                                     AbuseScreen.Screening screening) {
        Pending pending = new Pending(slug, SignatureIds.next(), signature, ipHash, mailbox, screening,
                new CompletableFuture<>());
        intake.readLock().lock();
        try {
            if (!running || !queue.offer(pending)) {
                pending.result().completeExceptionally(new Overloaded());
            }
        } finally {
            intake.readLock().unlock();
        }
        return pending.result();
    }

    /** The queue is full: the database is not keeping up. */
    static final class Overloaded extends RuntimeException {
        Overloaded() {
            super("signature queue full", null, false, false);
        }
    }

    private void drain(int shard) {
        List<Pending> batch = new ArrayList<>(config.writer().batchSize());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.writer().batchSize() - 1);
                write(batch, shard);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.errorf("Signature writer failed: %s", e.getClass().getName());
                batch.forEach(p -> p.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch, int shard) {
        try {
            complete(batch, store(batch, shard));
        } catch (SQLException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                // The database is away or full: every row would fail alike, so the whole batch is answered at once
                // (503), rather than row by row, each waiting for the pool's acquisition timeout.
                Log.warnf("Signature batch of %d not stored: database unavailable (SQL state %s)", batch.size(),
                        DatabaseFailures.sqlState(e));
                batch.forEach(p -> p.result().completeExceptionally(e));
                return;
            }
            if (batch.size() == 1) {
                // SQL state only: messages may quote the row's values.
                Log.errorf("Storing a signature failed with SQL state %s", e.getSQLState());
                batch.get(0).result().completeExceptionally(new IllegalStateException("signature not stored"));
                return;
            }
            // One bad row must not sink its neighbours: write them one by one.
            for (Pending pending : batch) {
                write(List.of(pending), shard);
            }
        }
    }

    private static void complete(List<Pending> batch, Outcome[] outcomes) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(outcomes[i]);
        }
    }

    private Outcome[] store(List<Pending> batch, int shard) throws SQLException {
        int n = batch.size();
        String[] types = SignStatement.TYPES;
        Object[][] columns = new Object[types.length][n];
        for (int i = 0; i < n; i++) {
            Pending p = batch.get(i);
            NewSignature s = p.signature();
            AbuseScreen.Screening screening = p.screening();
            Object[] row = {p.id(), p.slug(), s.firstName(), s.lastName(), s.email(), s.canonicalEmail(),
                    s.postalCode().value(), s.postalCode().province(), s.fedCode(), s.language().code(),
                    s.consentUpdates(), s.personalNote(), p.ipHash(), p.mailbox(), screening.heldReason(),
                    screening.exempt(), screening.proofOfWork(),
                    screening.proofExpiresAt() == null ? null : screening.proofExpiresAt().toString()};
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
        }
        Object[] scalars = SignStatement.scalars(limits, config.confirmationMailsPerDay(), shard);
        Outcome[] outcomes = new Outcome[n];
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                SignStatement.configure(connection, config.writer().genericPlan(), config.writer().jit());
                lockMailboxes(connection, batch);
                SignStatement.run(connection, columns, types, scalars, outcomes);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        return outcomes;
    }

    /**
     * Takes, in a fixed order, a transaction lock on each mailbox of the batch, so that two batches holding the same
     * mailbox (a burst of identical submissions) count its mails of the last day one after the other: each one's
     * statement then sees the mails the other committed, and the daily budget per mailbox holds.
     */
    private static void lockMailboxes(Connection connection, List<Pending> batch) throws SQLException {
        String[] mailboxes = batch.stream().map(Pending::mailbox).filter(m -> m != null).distinct()
                .toArray(String[]::new);
        if (mailboxes.length == 0) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement(LOCK_MAILBOXES)) {
            lock.setArray(1, connection.createArrayOf("text", mailboxes));
            lock.execute();
        }
    }
}
