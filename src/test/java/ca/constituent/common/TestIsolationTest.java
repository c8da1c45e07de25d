package ca.constituent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.constituent.support.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A test boot starts nothing on a fixed port: not the dev-mode PostgreSQL (which would try ports near 5432, often taken
 * by a developer's own server) and not the HTTP server.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class TestIsolationTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void devModePostgresExtensionIsNotPartOfTheTestApplication() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(
                "io.quarkiverse.embedded.postgresql.EmbeddedPostgreSQLRecorder", false,
                Thread.currentThread().getContextClassLoader()));
    }

    @Test
    void httpAndDatabasePortsAreNotFixed() throws IOException {
        // At run time Quarkus replaces the test port by the one it was given, so read what is configured.
        Properties configured = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            configured.load(in);
        }
        assertEquals("0", configured.getProperty("%test.quarkus.http.test-port"), "tests take a free HTTP port");
        int dbPort = URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
        if (System.getenv("TEST_DB_URL") == null) {
            assertNotEquals(5432, dbPort, "tests use their own embedded PostgreSQL on a free port");
        }
    }
}
