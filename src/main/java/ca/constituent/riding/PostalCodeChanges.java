package ca.constituent.riding;

import ca.constituent.common.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A full postal-code table uploaded by an organiser (the format of {@link PostalCodeImport}): checked completely and
 * stored with its diff against the imported table, then applied on confirmation, once, if neither the table nor the
 * ridings changed meanwhile. Shares {@code riding_upload} with the MP lists ({@link MpChanges}); runs in the caller's
 * transaction, and every instance reloads the table when the {@code postal-codes} version changes.
 */
@ApplicationScoped
public class PostalCodeChanges {

    /** A validated table waiting for confirmation, with what applying it now would change. */
    public record Staged(UUID id, String fileName, PostalCodeDiff diff, boolean stale, boolean applied) {
    }

    /** Fired when an organiser's table is applied; memory is rebuilt once the transaction commits. */
    public record Applied(String version) {
    }

    private final AgroalDataSource dataSource;
    private final RidingDatasets datasets;
    private final Event<Applied> applied;

    PostalCodeChanges(AgroalDataSource dataSource, RidingDatasets datasets, Event<Applied> applied) {
        this.dataSource = dataSource;
        this.datasets = datasets;
        this.applied = applied;
    }

    /**
     * Checks a table completely and stores it until it is applied; nothing else changes.
     *
     * @throws ProblemException 400 {@code invalid-postal-code-table} naming the first wrong lines
     */
    @Transactional
    public Staged stage(String fileName, Path file, Long adminUserId) {
        PostalCodeImport table = read(file);
        UUID id = UUID.randomUUID();
        return work(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO riding_upload (id, kind, file_name, content, based_on, created_by)
                    VALUES (?, 'postal-codes', ?, ?, ?, ?)
                    """); InputStream content = Files.newInputStream(file)) {
                insert.setObject(1, id);
                insert.setString(2, fileName);
                insert.setBinaryStream(3, content, Files.size(file));
                insert.setString(4, version(c));
                insert.setObject(5, adminUserId);
                insert.executeUpdate();
            }
            return new Staged(id, fileName, PostalCodeDiff.of(c, table), false, false);
        });
    }

    /** A staged table and its diff against the table as it is now. */
    @Transactional
    public Staged staged(UUID id) {
        return work(c -> {
            Upload upload = upload(c, id);
            try {
                return new Staged(id, upload.fileName(), PostalCodeDiff.of(c, read(upload.file())),
                        !version(c).equals(upload.basedOn()), upload.applied());
            } finally {
                Files.deleteIfExists(upload.file());
            }
        });
    }

    /**
     * Replaces the imported table with a staged one, once, if nothing changed since it was compared.
     *
     * @throws ProblemException 404 {@code upload-not-found}, 409 {@code upload-applied} or {@code upload-stale}
     */
    @Transactional
    public PostalCodeDiff apply(UUID id) {
        return work(c -> {
            RidingDatasetWriter.lock(c);
            Upload upload = upload(c, id);
            try {
                if (upload.applied()) {
                    throw ProblemException.conflict("upload-applied");
                }
                if (!version(c).equals(upload.basedOn())) {
                    throw ProblemException.conflict("upload-stale");
                }
                PostalCodeImport table = read(upload.file());
                PostalCodeDiff diff = PostalCodeDiff.of(c, table);
                table.write(c, "upload " + upload.fileName());
                try (PreparedStatement done = c.prepareStatement(
                        "UPDATE riding_upload SET applied_at = now() WHERE id = ?")) {
                    done.setObject(1, id);
                    done.executeUpdate();
                }
                applied.fire(new Applied(table.version()));
                return diff;
            } finally {
                Files.deleteIfExists(upload.file());
            }
        });
    }

    private PostalCodeImport read(Path file) {
        try {
            return PostalCodeImport.read(file, Optional.empty(), datasets.snapshot().ridings());
        } catch (PostalCodeImport.Refused e) {
            throw new ProblemException(400, "invalid-postal-code-table", Map.of(), e.errors().stream()
                    .map(f -> new ProblemException.Invalid("line " + f.line(), "upload.postal-codes." + f.fault().key))
                    .toList(), null);
        } catch (IOException e) {
            throw new ProblemException(400, "invalid-postal-code-table", Map.of(),
                    List.of(new ProblemException.Invalid("file", "upload.postal-codes.unreadable")), null);
        }
    }

    private record Upload(String fileName, Path file, String basedOn, boolean applied) {
    }

    /** The stored upload, its content copied to a temporary file the caller deletes. */
    private static Upload upload(Connection c, UUID id) throws SQLException, IOException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT file_name, content, based_on, applied_at IS NOT NULL FROM riding_upload
                WHERE id = ? AND kind = 'postal-codes'
                """)) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("upload-not-found");
                }
                Path file = Files.createTempFile("postal-codes", ".csv");
                try (InputStream content = rs.getBinaryStream(2)) {
                    Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
                }
                return new Upload(rs.getString(1), file, rs.getString(3), rs.getBoolean(4));
            }
        }
    }

    /** The versions a table is checked against: the ridings' (which codes may name) and the imported table's. */
    private static String version(Connection c) throws SQLException {
        Map<String, String> versions = RidingTables.versions(c);
        return versions.getOrDefault("ridings", "none") + "/" + versions.getOrDefault("postal-codes", "none");
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    /** Runs on the connection of the current transaction (the data source enlists it). */
    private <T> T work(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("postal-code table not written: SQL state " + e.getSQLState(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
