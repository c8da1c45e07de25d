package ca.constituent.riding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.Sql;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The application starts on a database migrated by the code that still had the Java migration V11 (which loaded the
 * riding dataset by calling application code): Flyway accepts the retired version, the dataset is not loaded again,
 * and the data stored before the upgrade is served.
 */
@QuarkusTest
@TestProfile(UpgradeFromJavaMigrationTest.MigratedByJavaV11.class)
class UpgradeFromJavaMigrationTest {

    public static class MigratedByJavaV11 implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MigratedDatabaseResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    Sql sql;

    @Inject
    Flyway flyway;

    @Test
    void retiredJavaMigrationIsMarkedDeletedOnceAndEveryOtherMigrationStillValidates() {
        List<Map<String, Object>> v11 = sql.rows(
                "SELECT type, script FROM flyway_schema_history WHERE version = '11' ORDER BY installed_rank");
        assertEquals(List.of(Map.of("type", "JDBC", "script", "db.migration.V11__Load_riding_dataset"),
                Map.of("type", "DELETE", "script", "db.migration.V11__Load_riding_dataset")), v11);
        assertEquals(0, sql.count("SELECT count(*) FROM flyway_schema_history WHERE NOT success"));

        flyway.validate();
        flyway.migrate();
        assertEquals(1, sql.count("SELECT count(*) FROM flyway_schema_history WHERE type = 'DELETE'"));
    }

    @Test
    void datasetLoadedByTheOldMigrationIsNotLoadedAgain() {
        assertEquals(1, sql.count("""
                SELECT count(*) FROM riding_dataset d
                WHERE d.kind = 'ridings' AND d.source = 'classpath:data/ridings/'
                  AND d.loaded_at < (SELECT installed_on FROM flyway_schema_history WHERE type = 'DELETE')
                """));
        assertEquals(343, sql.count("SELECT count(*) FROM riding"));
    }

    @Test
    void signaturesStoredBeforeTheUpgradeKeepTheirRidingAndLookupsAreServed() {
        assertEquals("35079", sql.rows("SELECT fed_code FROM signature WHERE email = 'upgrade@fixture.example.ca'")
                .get(0).get("fed_code"));
        given().when().get(management + "health/ready").then().statusCode(200);
        given().queryParam("postalCode", "K1A 0A6").when().get("/api/ridings/lookup").then().statusCode(200)
                .body("candidates.fedCode", org.hamcrest.Matchers.hasItem("35079"));
        given().when().get("/api/ridings/35079").then().statusCode(200).body("fedCode", equalTo("35079"));
        assertTrue(sql.count("SELECT count(*) FROM fsa_riding") > 1000);
    }
}
