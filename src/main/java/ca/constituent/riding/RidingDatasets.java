package ca.constituent.riding;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the riding data current: loads newer datasets and postal-code tables into PostgreSQL (the source of truth)
 * and rebuilds the in-memory {@link RidingSnapshot} that lookups read. At start it loads the shipped dataset (read
 * once, and written only when the database holds no newer version: migrations never load data) and the configured
 * directory when they are newer than what the database holds, and imports the configured postal-code file when its
 * content changed. Every minute it notices versions loaded by another instance and reloads.
 */
@ApplicationScoped
public class RidingDatasets {

    private final AgroalDataSource dataSource;
    private final RidingConfig config;
    private final RepresentProvider represent;
    private volatile RidingSnapshot snapshot = RidingSnapshot.empty();
    /** The organisers' latest MP change held in memory ({@code riding_dataset} kind {@code mps}). */
    private volatile String mpsVersion = "none";
    private final RidingBoundaries boundaries;

    RidingDatasets(AgroalDataSource dataSource, RidingConfig config, RepresentProvider represent) {
        this.dataSource = dataSource;
        this.config = config;
        this.represent = represent;
        this.boundaries = new RidingBoundaries(config);
    }

    /**
     * Writes what is newer than the database holds, then builds memory once. The boundaries need no database, so they
     * are built meanwhile on another thread (they were most of the start-up work).
     */
    void onStart(@Observes StartupEvent event) {
        boundaries.prebuild();
        inTransaction(c -> RidingDatasetWriter.load(c, boundaries.shipped(), false));
        config.datasetDir().ifPresent(dir -> {
            try {
                inTransaction(c -> RidingDatasetWriter.load(c, RidingDataset.fromDirectory(dir), false));
            } catch (RuntimeException e) {
                Log.errorf("Riding dataset in %s not loaded; serving the loaded one: %s", dir, e.getMessage());
            }
        });
        refresh();
        config.postalCodeFile().ifPresent(this::importIfChanged); // checked against the ridings now in memory
        represent.readCache();
    }

    /** True once the riding data is in memory; until then the application is not ready. */
    public boolean ready() {
        return !snapshot.ridings().isEmpty();
    }

    RidingSnapshot snapshot() {
        return snapshot;
    }

    /**
     * Loads the dataset in {@code directory} (see {@link RidingDataset} for its layout) when its version is newer
     * than the loaded one, or always when {@code force}, then rebuilds memory.
     *
     * @throws IllegalArgumentException when a file is missing or a row is wrong; nothing is changed then
     */
    public RidingDatasetWriter.Outcome load(Path directory, boolean force) {
        return load(RidingDataset.fromDirectory(directory), force);
    }

    private RidingDatasetWriter.Outcome load(RidingDataset dataset, boolean force) {
        RidingDatasetWriter.Outcome outcome = inTransaction(c -> RidingDatasetWriter.load(c, dataset, force));
        if (outcome == RidingDatasetWriter.Outcome.LOADED) {
            refresh();
        }
        return outcome;
    }

    /**
     * Imports a full postal-code table ({@code postal_code,fed_code[,share]}), replacing the previous one, and
     * rebuilds memory. Returns the number of rows.
     *
     * @param version a name for the table (such as {@code PCFRF-2025-06}); empty derives one from the content
     * @throws IllegalArgumentException listing the first wrong lines; nothing is changed then
     */
    public int importPostalCodes(Path file, Optional<String> version) {
        try {
            PostalCodeImport table = PostalCodeImport.read(file, version, snapshot.ridings());
            inTransaction(c -> {
                table.write(c, file.getFileName().toString());
                return null;
            });
            Log.infof("Imported postal-code table %s: %d rows", table.version(), table.rows());
            refresh();
            return table.rows();
        } catch (IOException e) {
            throw new UncheckedIOException("postal-code table unreadable", e);
        }
    }

    /** Removes the imported postal-code table; lookups fall back to the other sources. */
    public void clearPostalCodes() {
        inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM postal_code_riding; DELETE FROM riding_dataset WHERE kind = 'postal-codes'")) {
                delete.execute();
            }
            return null;
        });
        refresh();
    }

    private void importIfChanged(Path file) {
        try {
            String sha = PostalCodeImport.sha256(file);
            Optional<RidingDatasetWriter.Loaded> loaded = inTransaction(
                    c -> RidingDatasetWriter.loaded(c, "postal-codes"));
            if (loaded.isEmpty() || !loaded.get().sha256().equals(sha)) {
                importPostalCodes(file, Optional.empty());
            }
        } catch (IOException | RuntimeException e) {
            Log.errorf("Postal-code table %s not imported: %s", file.getFileName(), e.getMessage());
        }
    }

    /** Notices datasets loaded elsewhere (another instance, a newer directory) and reloads memory. */
    @Scheduled(every = "${constituent.ridings.refresh-every}", concurrentExecution =
            Scheduled.ConcurrentExecution.SKIP, delayed = "${constituent.ridings.refresh-every}")
    void check() {
        config.datasetDir().ifPresent(dir -> {
            try {
                if (RidingDataset.versionIn(dir).compareTo(snapshot.ridingsVersion()) > 0) {
                    load(dir, false);
                }
            } catch (IOException | RuntimeException e) {
                Log.warnf("Riding dataset in %s not loaded: %s", dir, e.getMessage());
            }
        });
        Map<String, String> versions = inTransaction(RidingTables::versions);
        if (!versions.getOrDefault("ridings", "none").equals(snapshot.ridingsVersion())
                || !versions.getOrDefault("postal-codes", "none").equals(snapshot.postalCodesVersion())
                || !versions.getOrDefault("mps", "none").equals(mpsVersion)) {
            refresh();
        }
        represent.readCache();
    }

    /** Serves an organiser's MP change from memory as soon as it commits (other instances notice it in check). */
    void onMpChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MpChanged change) {
        refresh();
    }

    /** Serves an organiser's postal-code table as soon as it commits (other instances notice it in check). */
    void onPostalCodesApplied(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostalCodeChanges.Applied applied) {
        refresh();
    }

    /** Rebuilds the in-memory snapshot from PostgreSQL. */
    public synchronized void refresh() {
        RidingSnapshot next = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, MemberOfParliament> mps = new HashMap<>();
            MemberOfParliament.<MemberOfParliament>streamAll().forEach(mp -> mps.put(mp.fedCode, mp));
            List<RidingView> ridings = Riding.listByFedCode().stream()
                    .map(r -> RidingView.from(r, mps.get(r.fedCode))).toList();
            try (Connection c = dataSource.getConnection()) {
                Map<String, String> versions = RidingTables.versions(c);
                mpsVersion = versions.getOrDefault("mps", "none");
                String version = versions.getOrDefault("ridings", "none");
                return RidingSnapshot.of(version, versions.getOrDefault("postal-codes", "none"), ridings,
                        RidingTables.fsaShares(c), config.minShare(), RidingTables.postalCodes(c),
                        boundaries.of(version));
            }
        });
        snapshot = next;
        Log.infof("Riding data in memory: dataset %s, %d ridings, %d FSAs, postal-code table %s (%d rows), %d "
                        + "boundaries", next.ridingsVersion(), next.ridings().size(), next.fsaCandidates().size(),
                next.postalCodesVersion(), next.postalCodes().size(), next.boundaries().size());
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("riding data not written: SQL state " + e.getSQLState(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
