package ca.constituent.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged app starts on a database migrated by the code that still had the Java migration V11 (which loaded the
 * riding dataset by calling application code; the dump is {@code upgrade/README.md}'s fixture): Flyway accepts the
 * retired version, the dataset is not loaded again, and the data stored before the upgrade is served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradeFromJavaMigrationIT {

    static final String FIXTURE = "/upgrade/migrated-to-v22-with-java-v11.sql.gz";
    static final ObjectMapper JSON = new ObjectMapper();

    EmptyDatabase db;
    AppProcess app;

    @BeforeAll
    void startOnADatabaseMigratedByJavaV11() throws Exception {
        db = new EmptyDatabase();
        try (Connection c = DriverManager.getConnection(db.url, db.user, db.password);
             Statement statement = c.createStatement();
             InputStream in = new GZIPInputStream(UpgradeFromJavaMigrationIT.class.getResourceAsStream(FIXTURE))) {
            statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        app = new AppProcess("upgrade-from-java-v11").start(Map.of("DB_URL", db.url, "DB_USER", db.user,
                "DB_PASSWORD", db.password, "APP_SECRET", "upgrade-it-secret-0123456789abcdefghij",
                "MAIL_FROM", "Constituent <campaigns@example.ca>", "MP_EMAIL_FROM", "letters@example.ca",
                "REPRESENT_ENABLED", "false"), List.of());
        app.awaitReady(Duration.ofSeconds(180));
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {app, db}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void retiredJavaMigrationIsMarkedDeletedOnceAndEveryOtherMigrationStillValidates() throws Exception {
        assertEquals(List.of(Map.of("type", "JDBC", "script", "db.migration.V11__Load_riding_dataset"),
                        Map.of("type", "DELETE", "script", "db.migration.V11__Load_riding_dataset")),
                db.rows("SELECT type, script FROM flyway_schema_history WHERE version = '11' ORDER BY installed_rank"));
        assertEquals(0L, db.value("SELECT count(*) FROM flyway_schema_history WHERE NOT success"));

        // The migrations the app ships, as the next start (or another replica) validates and applies them.
        Flyway flyway = Flyway.configure().dataSource(db.url, db.user, db.password).load();
        flyway.validate();
        flyway.migrate();
        assertEquals(1L, db.value("SELECT count(*) FROM flyway_schema_history WHERE type = 'DELETE'"));
    }

    @Test
    void datasetLoadedByTheOldMigrationIsNotLoadedAgain() throws Exception {
        assertEquals(1L, db.value("""
                SELECT count(*) FROM riding_dataset d
                WHERE d.kind = 'ridings' AND d.source = 'classpath:data/ridings/'
                  AND d.loaded_at < (SELECT installed_on FROM flyway_schema_history WHERE type = 'DELETE')
                """));
        assertEquals(343L, db.value("SELECT count(*) FROM riding"));
    }

    @Test
    void signaturesStoredBeforeTheUpgradeKeepTheirRidingAndLookupsAreServed() throws Exception {
        assertEquals("35079", db.value("SELECT fed_code FROM signature WHERE email = 'upgrade@fixture.example.ca'"));
        assertEquals(200, AppProcess.get(app.managementPort, "/q/health/ready").statusCode());
        JsonNode lookup = JSON.readTree(app.get("/api/ridings/lookup?postalCode=K1A%200A6").body());
        assertTrue(lookup.get("candidates").findValuesAsText("fedCode").contains("35079"), lookup.toString());
        assertEquals("35079", JSON.readTree(app.get("/api/ridings/35079").body()).get("fedCode").asText());
        assertTrue((Long) db.value("SELECT count(*) FROM fsa_riding") > 1000);
    }
}
