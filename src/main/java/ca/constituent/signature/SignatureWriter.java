package ca.constituent.signature;

import ca.constituent.common.DatabaseFailures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    /**
     * Insert every signature whose canonical email has not signed its campaign yet, then queue a confirmation mail
     * for each new or existing pending signature that had fewer than its daily share of mails. The unique index on
     * (campaign, canonical email) decides races, inside a batch and across concurrent batches alike.
     */
    private static final String SIGN = """
            WITH input AS (
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[])
                    WITH ORDINALITY AS i(id, slug, first_name, last_name, email, canonical_email, postal_code,
                                         province, fed_code, language, consent_updates, personal_note, ip_hash, ord)
            ), c AS (
                SELECT i.ord, k.id AS campaign_id, k.status FROM input i LEFT JOIN campaign k ON k.slug = i.slug
            ), ins AS (
                INSERT INTO signature (id, campaign_id, first_name, last_name, email, canonical_email, postal_code,
                                       province, fed_code, language, consent_updates, personal_note, ip_hash)
                SELECT i.id, c.campaign_id, i.first_name, i.last_name, i.email, i.canonical_email, i.postal_code,
                       i.province, i.fed_code, i.language, i.consent_updates, i.personal_note, i.ip_hash
                FROM input i JOIN c ON c.ord = i.ord
                WHERE c.status = 'open'
                ORDER BY i.ord
                ON CONFLICT (campaign_id, canonical_email) DO NOTHING
                RETURNING id, state
            ), target AS (
                SELECT ins.id, ins.state FROM ins
                UNION
                SELECT s.id, s.state FROM input i
                JOIN c ON c.ord = i.ord
                CROSS JOIN LATERAL (
                    -- OFFSET 0 keeps this a per-row unique-index probe, never a scan of all signatures
                    SELECT s.id, s.state FROM signature s
                    WHERE s.campaign_id = c.campaign_id AND s.canonical_email = i.canonical_email
                    OFFSET 0
                ) s
                WHERE c.status = 'open'
            ), mail AS (
                INSERT INTO confirmation_mail (signature_id)
                SELECT t.id FROM target t
                WHERE t.state = 'pending'
                  AND (SELECT count(*) FROM confirmation_mail m
                       WHERE m.signature_id = t.id AND m.created_at > now() - interval '1 day') < ?
                RETURNING id
            )
            SELECT c.ord, c.status, EXISTS (SELECT 1 FROM ins WHERE ins.id = i.id)
            FROM input i JOIN c ON c.ord = i.ord
            """;

    /** What became of one signature. */
    enum Outcome { SIGNED, ALREADY_SIGNED, CAMPAIGN_CLOSED, CAMPAIGN_NOT_FOUND }

    record Pending(String slug, UUID id, NewSignature signature, String ipHash, CompletableFuture<Outcome> result) {
    }

    private final AgroalDataSource dataSource;
    private final SignatureConfig config;
    private final BlockingQueue<Pending> queue;
    private final List<Thread> writers = new ArrayList<>();
    /** Submitting holds it shared, stopping exclusively: nothing is queued after the writers are told to stop. */
    private final ReadWriteLock intake = new ReentrantReadWriteLock();
    private volatile boolean running = true;

    SignatureWriter(AgroalDataSource dataSource, SignatureConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        this.queue = new LinkedBlockingQueue<>(config.writer().queueCapacity());
    }

    void start(@Observes StartupEvent event) {
        for (int i = 0; i < config.writer().threads(); i++) {
            Thread thread = new Thread(this::drain, "signature-writer-" + i);
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
    CompletionStage<Outcome> submit(String slug, NewSignature signature, String ipHash) {
        Pending pending = new Pending(slug, UUID.randomUUID(), signature, ipHash, new CompletableFuture<>());
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

    private void drain() {
        List<Pending> batch = new ArrayList<>(config.writer().batchSize());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.writer().batchSize() - 1);
                write(batch);
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

    private void write(List<Pending> batch) {
        try {
            complete(batch, store(batch));
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
                write(List.of(pending));
            }
        }
    }

    private static void complete(List<Pending> batch, Outcome[] outcomes) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(outcomes[i]);
        }
    }

    private Outcome[] store(List<Pending> batch) throws SQLException {
        int n = batch.size();
        Object[][] columns = new Object[13][n];
        for (int i = 0; i < n; i++) {
            Pending p = batch.get(i);
            NewSignature s = p.signature();
            Object[] row = {p.id(), p.slug(), s.firstName(), s.lastName(), s.email(), s.canonicalEmail(),
                    s.postalCode().value(), s.postalCode().province(), s.fedCode(), s.language().code(),
                    s.consentUpdates(), s.personalNote(), p.ipHash()};
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
        }
        String[] types = {"uuid", "text", "text", "text", "text", "text", "text", "text", "text", "text", "boolean",
                "text", "text"};
        Outcome[] outcomes = new Outcome[n];
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SIGN)) {
            for (int c = 0; c < columns.length; c++) {
                Array array = connection.createArrayOf(types[c], columns[c]);
                statement.setArray(c + 1, array);
            }
            statement.setInt(columns.length + 1, config.confirmationMailsPerDay());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int index = rows.getInt(1) - 1;
                    String status = rows.getString(2);
                    outcomes[index] = status == null ? Outcome.CAMPAIGN_NOT_FOUND
                            : !"open".equals(status) ? Outcome.CAMPAIGN_CLOSED
                            : rows.getBoolean(3) ? Outcome.SIGNED : Outcome.ALREADY_SIGNED;
                }
            }
        }
        return outcomes;
    }
}
