package ca.constituent.riding;

import io.quarkus.logging.Log;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a {@link RidingDataset} into the riding tables, in the caller's transaction. Idempotent: a dataset whose
 * version is not newer than the one loaded is skipped unless forced. Ridings are upserted and never deleted
 * (signatures refer to them); MPs and FSA candidates are replaced as a whole.
 */
public final class RidingDatasetWriter {

    /** What a load did. */
    public enum Outcome { LOADED, ALREADY_LOADED, OLDER_SKIPPED }

    /** A dataset version as recorded in {@code riding_dataset}. */
    public record Loaded(String kind, String version, String sha256, int rowCount) {
    }

    private RidingDatasetWriter() {
    }

    static Outcome load(Connection connection, RidingDataset dataset, boolean force) throws SQLException {
        lock(connection);
        Optional<Outcome> skipped = force ? Optional.empty() : skip(dataset, loaded(connection, "ridings"));
        if (skipped.isPresent()) {
            return skipped.get();
        }
        // Read and checked in full before anything is written: a bad file changes nothing.
        RidingDatasetRows rows = dataset.rows();
        List<RidingDatasetRows.RidingRow> ridings = rows.ridings();
        Map<String, RidingDatasetRows.RidingRow> byCode = new LinkedHashMap<>();
        ridings.forEach(r -> byCode.put(r.fedCode(), r));
        List<RidingDatasetRows.MpRow> mps = rows.mps(byCode);
        List<RidingDatasetRows.FsaRow> fsa = rows.fsaCandidates(byCode);
        writeRidings(connection, ridings);
        warnAboutRidingsMissingFrom(connection, byCode.keySet());
        writeMps(connection, mps);
        writeFsaCandidates(connection, fsa);
        record(connection, new Loaded("ridings", dataset.version(), dataset.sha256(), ridings.size()),
                dataset.origin());
        long verify = mps.stream().filter(RidingDatasetRows.MpRow::needsVerification).count();
        Log.infof("Loaded riding dataset %s from %s: %d ridings, %d MPs (%d vacant seats, %d to verify), %d FSA rows",
                dataset.version(), dataset.origin(), ridings.size(), mps.size(), ridings.size() - mps.size(), verify,
                fsa.size());
        return Outcome.LOADED;
    }

    /** Why the dataset need not be loaded, when the tables hold the same or a newer version. */
    private static Optional<Outcome> skip(RidingDataset dataset, Optional<Loaded> current) {
        if (current.isEmpty()) {
            return Optional.empty();
        }
        int order = dataset.version().compareTo(current.get().version());
        if (order < 0) {
            Log.warnf("Riding dataset %s from %s is older than the loaded %s; not loaded", dataset.version(),
                    dataset.origin(), current.get().version());
            return Optional.of(Outcome.OLDER_SKIPPED);
        }
        if (order == 0) {
            if (!dataset.sha256().equals(current.get().sha256())) {
                Log.warnf("Riding dataset %s from %s differs from the loaded copy of the same version; give it a "
                        + "new version to load it", dataset.version(), dataset.origin());
            }
            return Optional.of(Outcome.ALREADY_LOADED);
        }
        return Optional.empty();
    }

    private static void writeRidings(Connection connection, List<RidingDatasetRows.RidingRow> ridings)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO riding (fed_code, name_en, name_fr, province) VALUES (?, ?, ?, ?)
                ON CONFLICT (fed_code) DO UPDATE
                SET name_en = excluded.name_en, name_fr = excluded.name_fr, province = excluded.province
                """)) {
            for (RidingDatasetRows.RidingRow r : ridings) {
                upsert.setString(1, r.fedCode());
                upsert.setString(2, r.nameEn());
                upsert.setString(3, r.nameFr());
                upsert.setString(4, r.province());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void writeMps(Connection connection, List<RidingDatasetRows.MpRow> mps) throws SQLException {
        execute(connection, "DELETE FROM member_of_parliament");
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO member_of_parliament (fed_code, name, party, email, photo_url, source, needs_verification,
                                                  note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            for (RidingDatasetRows.MpRow mp : mps) {
                insert.setString(1, mp.fedCode());
                insert.setString(2, mp.name());
                insert.setString(3, mp.party());
                insert.setString(4, mp.email());
                insert.setString(5, mp.photoUrl());
                insert.setString(6, mp.source());
                insert.setBoolean(7, mp.needsVerification());
                insert.setString(8, mp.note());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void writeFsaCandidates(Connection connection, List<RidingDatasetRows.FsaRow> fsa)
            throws SQLException {
        execute(connection, "DELETE FROM fsa_riding");
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO fsa_riding (fsa, fed_code, share, method) VALUES (?, ?, ?, ?)")) {
            for (RidingDatasetRows.FsaRow row : fsa) {
                insert.setString(1, row.fsa());
                insert.setString(2, row.fedCode());
                insert.setDouble(3, row.share());
                insert.setString(4, row.method());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The dataset version the tables hold for {@code kind}, if any. */
    static Optional<Loaded> loaded(Connection connection, String kind) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version, sha256, row_count FROM riding_dataset WHERE kind = ?")) {
            select.setString(1, kind);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Loaded(kind, rs.getString(1), rs.getString(2), rs.getInt(3)))
                        : Optional.empty();
            }
        }
    }

    static void record(Connection connection, Loaded loaded, String source) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO riding_dataset (kind, version, sha256, row_count, source, loaded_at)
                VALUES (?, ?, ?, ?, ?, now())
                ON CONFLICT (kind) DO UPDATE SET version = excluded.version, sha256 = excluded.sha256,
                    row_count = excluded.row_count, source = excluded.source, loaded_at = excluded.loaded_at
                """)) {
            upsert.setString(1, loaded.kind());
            upsert.setString(2, loaded.version());
            upsert.setString(3, loaded.sha256());
            upsert.setInt(4, loaded.rowCount());
            upsert.setString(5, source);
            upsert.executeUpdate();
        }
    }

    /** Serialises loads across instances: the second waits, then sees the first one's version. */
    static void lock(Connection connection) throws SQLException {
        execute(connection, "SELECT pg_advisory_xact_lock(hashtext('riding_dataset'))");
    }

    private static void warnAboutRidingsMissingFrom(Connection connection, Set<String> fedCodes) throws SQLException {
        Set<String> missing = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT fed_code FROM riding");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                if (!fedCodes.contains(rs.getString(1))) {
                    missing.add(rs.getString(1));
                }
            }
        }
        if (!missing.isEmpty()) {
            Log.warnf("%d ridings in the database are not in the new dataset and were kept: %s", missing.size(),
                    missing);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
