package ca.constituent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.constituent.support.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
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

    @ConfigProperty(name = "quarkus.http.test-port")
    int testPort;

    @Test
    void devModePostgresExtensionIsNotPartOfTheTestApplication() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(
                "io.quarkiverse.embedded.postgresql.EmbeddedPostgreSQLRecorder", false,
                Thread.currentThread().getContextClassLoader()));
    }

    @Test
    void httpAndDatabasePortsAreNotFixed() {
        assertEquals(0, testPort, "the test HTTP port must be 0 (a free port)");
        int dbPort = URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
        if (System.getenv("TEST_DB_URL") == null) {
            assertNotEquals(5432, dbPort, "tests use their own embedded PostgreSQL on a free port");
        }
    }
}
