package ca.constituent.riding;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.postgresql.PGConnection;

/**
 * A full postal-code table to import: CSV with a header naming {@code postal_code} and {@code fed_code} and
 * optionally {@code share}, one row per postal code and riding (a code spanning two ridings has two rows). Every row
 * is checked before anything is written: the postal code must be valid, the riding known, and the riding in the
 * postal code's province. Errors name line numbers only, never values.
 */
final class PostalCodeImport {

    private static final int MAX_ERRORS = 10;

    /** What may be wrong with a line: the English text the logs show, and the last part of its message key. */
    enum Fault {
        HEADER("the header must name postal_code and fed_code", "header"),
        POSTAL_CODE("not a postal code", "postal-code"),
        RIDING("fed_code is not a known riding", "riding"),
        PROVINCE("the riding is not in the postal code's province", "province"),
        SHARE("share must be above 0 and at most 1", "share"),
        SHARE_NUMBER("share is not a number", "share"),
        DUPLICATE("the same postal code and riding appear twice", "duplicate");

        final String text;
        final String key;

        Fault(String text, String key) {
            this.text = text;
            this.key = key;
        }
    }

    /** A wrong line of the table and what is wrong with it. */
    record Error(int line, Fault fault) {
    }

    /** A table with wrong lines (the first {@value #MAX_ERRORS}); nothing was imported. */
    static final class Refused extends IllegalArgumentException {
        private final transient List<Error> errors;

        Refused(List<Error> errors) {
            super("postal-code table not imported: " + String.join("; ", errors.stream()
                    .map(e -> "line " + e.line() + ": " + e.fault().text).toList()));
            this.errors = List.copyOf(errors);
        }

        List<Error> errors() {
            return errors;
        }
    }

    private final String version;
    private final String sha256;
    private final StringBuilder copy = new StringBuilder();
    private int rows;

    private PostalCodeImport(String version, String sha256) {
        this.version = version;
        this.sha256 = sha256;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads and checks the file.
     *
     * @param version a name for this table, such as {@code PCFRF-2025-06}; by default derived from the content
     * @throws IllegalArgumentException listing the first errors when any row is wrong
     */
    static PostalCodeImport read(Path file, Optional<String> version, Map<String, RidingView> ridings)
            throws IOException {
        String sha256 = sha256(file);
        PostalCodeImport table = new PostalCodeImport(version.filter(v -> !v.isBlank())
                .orElse("sha256-" + sha256.substring(0, 12)), sha256);
        List<Error> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> columns;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            columns = Csv.forEach(reader, row -> {
                requireHeader(row.columns());
                Fault fault = table.add(row, ridings, seen);
                if (fault != null && errors.size() < MAX_ERRORS) {
                    errors.add(new Error(row.line(), fault));
                }
            });
        }
        requireHeader(columns);
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        return table;
    }

    private static void requireHeader(Map<String, Integer> columns) {
        if (!columns.containsKey("postal_code") || !columns.containsKey("fed_code")) {
            throw new Refused(List.of(new Error(1, Fault.HEADER)));
        }
    }

    private Fault add(Csv.Row row, Map<String, RidingView> ridings, Set<String> seen) {
        Optional<PostalCode> postalCode = PostalCode.parse(row.get("postal_code"));
        if (postalCode.isEmpty()) {
            return Fault.POSTAL_CODE;
        }
        RidingView riding = ridings.get(row.get("fed_code"));
        if (riding == null) {
            return Fault.RIDING;
        }
        if (!RidingSnapshot.agrees(postalCode.get(), riding)) {
            return Fault.PROVINCE;
        }
        String shareText = row.get("share");
        if (!shareText.isEmpty()) {
            try {
                double share = Double.parseDouble(shareText);
                if (!(share > 0 && share <= 1)) {
                    return Fault.SHARE;
                }
            } catch (NumberFormatException e) {
                return Fault.SHARE_NUMBER;
            }
        }
        if (!seen.add(postalCode.get().value() + riding.fedCode())) {
            return Fault.DUPLICATE;
        }
        copy.append(postalCode.get().value()).append(',').append(riding.fedCode()).append(',').append(shareText)
                .append('\n');
        rows++;
        return null;
    }

    /** Replaces the imported table with this one, in the caller's transaction. */
    void write(Connection connection, String source) throws SQLException, IOException {
        RidingDatasetWriter.lock(connection);
        try (var delete = connection.prepareStatement("DELETE FROM postal_code_riding")) {
            delete.executeUpdate();
        }
        copyInto(connection, "postal_code_riding");
        RidingDatasetWriter.record(connection,
                new RidingDatasetWriter.Loaded("postal-codes", version, sha256, rows), source);
    }

    /** Copies the rows into {@code table} (columns postal_code, fed_code, share), in the caller's transaction. */
    void copyInto(Connection connection, String table) throws SQLException, IOException {
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY " + table + " (postal_code, fed_code, share) FROM STDIN WITH (FORMAT csv)",
                new StringReader(copy.toString()));
    }

    String version() {
        return version;
    }

    String sha256() {
        return sha256;
    }

    int rows() {
        return rows;
    }
}
