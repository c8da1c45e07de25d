package ca.constituent.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A new, empty database for processes that migrate it themselves: on the server TEST_DB_URL names (with TEST_DB_USER,
 * TEST_DB_PASSWORD), or else on an embedded PostgreSQL on a free port. Dropped on close.
 */
final class EmptyDatabase implements AutoCloseable {

    final String url;
    final String user;
    final String password;
    private final String adminUrl;
    private final String name = "constituent_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private EmbeddedPostgres embedded;

    EmptyDatabase() throws IOException, SQLException {
        String external = System.getenv("TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            adminUrl = external;
            user = System.getenv().getOrDefault("TEST_DB_USER", "postgres");
            password = System.getenv().getOrDefault("TEST_DB_PASSWORD", "");
        } else {
            embedded = EmbeddedPostgres.builder().start();
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
        }
        execute(adminUrl, "CREATE DATABASE " + name);
        url = adminUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    /** Rows of a query on this database, each column by its label. */
    List<Map<String, Object>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    Object value(String sql, Object... parameters) throws SQLException {
        return rows(sql, parameters).get(0).values().iterator().next();
    }

    private void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            c.createStatement().execute(sql);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
