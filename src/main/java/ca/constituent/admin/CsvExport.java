package ca.constituent.admin;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Streams a query's rows as CSV: a server-side cursor (autocommit off, fetch size) feeds a Jackson CSV writer row by
 * row, so memory stays the same for a hundred rows or a million. When the last row is out, the export is audited
 * with the number of rows it held. Cells a spreadsheet would read as a formula are prefixed with an apostrophe.
 */
@ApplicationScoped
class CsvExport {

    static final int FETCH_SIZE = 2_000;
    private static final CsvMapper CSV = new CsvMapper();

    private final AgroalDataSource dataSource;
    private final AdminAudit audit;

    CsvExport(AgroalDataSource dataSource, AdminAudit audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /** The rows of {@code sql} (its parameters {@code params}) under the header {@code columns}. */
    StreamingOutput stream(List<String> columns, String sql, List<Object> params, AdminAudit.Entry entry) {
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        return output -> {
            int rows = 0;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
                    statement.setFetchSize(FETCH_SIZE);
                    for (int i = 0; i < params.size(); i++) {
                        statement.setObject(i + 1, params.get(i));
                    }
                    try (ResultSet result = statement.executeQuery();
                         SequenceWriter writer = CSV.writer(schema.build().withHeader()).writeValues(output)) {
                        String[] row = new String[columns.size()];
                        while (result.next()) {
                            for (int i = 0; i < row.length; i++) {
                                row[i] = cell(result.getString(i + 1));
                            }
                            writer.write(row);
                            rows++;
                        }
                    }
                } finally {
                    connection.rollback();
                }
            } catch (SQLException e) {
                throw new IOException("export failed with SQL state " + e.getSQLState(), e);
            }
            int exported = rows;
            QuarkusTransaction.requiringNew().run(() -> audit.record(new AdminAudit.Entry(entry.adminUserId(),
                    entry.actor(), entry.action(), entry.target(), exported, entry.ipHash())));
        };
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

}
