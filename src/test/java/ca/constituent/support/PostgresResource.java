package ca.constituent.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Real PostgreSQL for the tests: the server named by {@code TEST_DB_URL} (with {@code TEST_DB_USER} and
 * {@code TEST_DB_PASSWORD}), or else an embedded server on a free port. It also gives the mailer its SMTP port,
 * {@link SmtpPort#PORT} (chosen at run time, so not in application.properties): every Quarkus test class shares this
 * resource, so the port costs no test configuration of its own (each one costs the suite an application build and
 * boot).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(database());
        config.put("quarkus.mailer.port", String.valueOf(SmtpPort.PORT));
        return config;
    }

    private Map<String, String> database() {
        String url = System.getenv("TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return Map.of(
                    "quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", System.getenv().getOrDefault("TEST_DB_USER", "postgres"),
                    "quarkus.datasource.password", System.getenv().getOrDefault("TEST_DB_PASSWORD", ""));
        }
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
