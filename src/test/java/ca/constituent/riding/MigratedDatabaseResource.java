package ca.constituent.riding;

import ca.constituent.support.PostgresResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A PostgreSQL database as the code of 2026-11-22 left it: migrated to V22 by Flyway, V11 being the Java migration
 * that loaded the riding dataset, with one confirmed signature. The dump is {@code upgrade/README.md}'s fixture.
 */
public class MigratedDatabaseResource implements QuarkusTestResourceLifecycleManager {

    static final String FIXTURE = "/upgrade/migrated-to-v22-with-java-v11.sql.gz";

    private final PostgresResource postgres = new PostgresResource();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(postgres.start());
        String user = config.get("quarkus.datasource.username");
        String password = config.get("quarkus.datasource.password");
        try {
            // A database of its own, also on the shared server TEST_DB_URL names (which other tests migrate).
            String database = "upgrade_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
            try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"), user, password);
                 Statement statement = c.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
            String url = config.get("quarkus.datasource.jdbc.url").replaceFirst("(//[^/]+/)[^?]*", "$1" + database);
            config.put("quarkus.datasource.jdbc.url", url);
            try (Connection c = DriverManager.getConnection(url, user, password);
                 Statement statement = c.createStatement();
                 InputStream in = new GZIPInputStream(MigratedDatabaseResource.class.getResourceAsStream(FIXTURE))) {
                statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("fixture not loaded: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    @Override
    public void stop() {
        postgres.stop();
    }
}
