package ca.constituent.riding;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What replacing the imported postal-code table with another would change, per postal code: codes added, removed,
 * or moved (their set of ridings differs), with counts and the first few of each, in postal-code order. Worked out
 * by PostgreSQL from a temporary copy of the new table, so memory holds the samples only.
 */
public record PostalCodeDiff(int rows, long added, long removed, long moved, long unchanged, List<Change> sample) {

    /** How many changes of each kind are shown. */
    static final int SAMPLE = 10;

    /** One changed postal code: its ridings before (empty when added) and after (empty when removed). */
    @io.quarkus.qute.TemplateData
    public record Change(String postalCode, String kind, List<String> before, List<String> after) {
    }

    public boolean isEmpty() {
        return added == 0 && removed == 0 && moved == 0;
    }

    /** Compares {@code table} with the imported one, in the caller's transaction (the temporary copy is dropped). */
    static PostalCodeDiff of(Connection c, PostalCodeImport table) throws SQLException, IOException {
        try (Statement create = c.createStatement()) {
            create.execute("CREATE TEMPORARY TABLE postal_code_upload (postal_code text, fed_code text, "
                    + "share double precision) ON COMMIT DROP");
        }
        try {
            table.copyInto(c, "postal_code_upload");
            long[] counts = {0, 0, 0, 0};
            List<Change> sample = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(COMPARE); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(1);
                    counts[List.of("added", "removed", "moved", "unchanged").indexOf(kind)] = rs.getLong(2);
                    if (rs.getString(3) != null) {
                        sample.add(new Change(rs.getString(3), kind, list(rs.getArray(4)), list(rs.getArray(5))));
                    }
                }
            }
            return new PostalCodeDiff(table.rows(), counts[0], counts[1], counts[2], counts[3], sample);
        } finally {
            try (Statement drop = c.createStatement()) {
                drop.execute("DROP TABLE postal_code_upload");
            }
        }
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** Per kind: its count on every row, and up to {@link #SAMPLE} of its codes (one a row; null for 'unchanged'). */
    private static final String COMPARE = """
            WITH after AS (SELECT postal_code, array_agg(fed_code ORDER BY fed_code) AS ridings
                           FROM postal_code_upload GROUP BY postal_code),
                 before AS (SELECT postal_code, array_agg(fed_code ORDER BY fed_code) AS ridings
                            FROM postal_code_riding GROUP BY postal_code),
                 compared AS (
                     SELECT postal_code, b.ridings AS before, a.ridings AS after,
                            CASE WHEN b.ridings IS NULL THEN 'added' WHEN a.ridings IS NULL THEN 'removed'
                                 WHEN a.ridings <> b.ridings THEN 'moved' ELSE 'unchanged' END AS kind
                     FROM after a FULL JOIN before b USING (postal_code)),
                 ranked AS (
                     SELECT kind, postal_code, before, after, count(*) OVER (PARTITION BY kind) AS n,
                            row_number() OVER (PARTITION BY kind ORDER BY postal_code) AS i
                     FROM compared)
            SELECT kind, n, CASE WHEN kind <> 'unchanged' THEN postal_code END, before, after
            FROM ranked WHERE i <= %d AND (kind <> 'unchanged' OR i = 1)
            ORDER BY kind, postal_code
            """.formatted(SAMPLE);
}
