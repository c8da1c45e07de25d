package ca.constituent.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.constituent.support.PostgresResource;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class RetentionResourceTest {

    static final String RETENTION = "/api/admin/campaigns/end-ice-complicity/retention";

    @Inject
    Organisers organisers;

    @Inject
    Sql sql;

    @Test
    void adminChangesRetentionThePrivacyPageStatesItAndTheChangeIsAudited() {
        Organisers.Session admin = organisers.signIn(Role.ADMIN);
        Map<String, Object> before = admin.request().when().get(RETENTION).then().statusCode(200)
                .extract().jsonPath().getMap("");
        try {
            admin.write().contentType(ContentType.JSON)
                    .body(Map.of("unconfirmedDays", 17, "ipHashDays", 3, "anonymiseMonths", 9, "letterDays", 21))
                    .when().put(RETENTION).then().statusCode(200)
                    .body("unconfirmedDays", equalTo(17)).body("letterDays", equalTo(21));
            given().when().get("/privacy?lang=en").then().statusCode(200)
                    .body(containsString("deleted after 17 days"));
            assertEquals(17, ((Number) sql.rows("SELECT retention_unconfirmed_days FROM campaign "
                    + "WHERE slug = 'end-ice-complicity'").get(0).get("retention_unconfirmed_days")).intValue());
            assertEquals(1, sql.count("SELECT count(*) FROM admin_audit WHERE action = 'retention-change' "
                    + "AND target LIKE '%unconfirmedDays=17%'"));
        } finally {
            admin.write().contentType(ContentType.JSON).body(before).when().put(RETENTION).then().statusCode(200);
        }
    }

    @Test
    void viewersReadButCannotChangeAndBadValuesAreNamedInTheAdminsLanguage() {
        Organisers.Session viewer = organisers.signIn(Role.VIEWER);
        viewer.request().when().get(RETENTION).then().statusCode(200);
        viewer.write().contentType(ContentType.JSON)
                .body(Map.of("unconfirmedDays", 1, "ipHashDays", 1, "anonymiseMonths", 1, "letterDays", 1))
                .when().put(RETENTION).then().statusCode(403);
        Organisers.Session admin = organisers.signIn(Role.ADMIN);
        admin.write().contentType(ContentType.JSON).header("Accept-Language", "fr")
                .body(Map.of("unconfirmedDays", 0, "ipHashDays", 4000, "anonymiseMonths", 121))
                .when().put(RETENTION).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("unconfirmedDays", "ipHashDays", "anonymiseMonths", "letterDays"))
                .body("errors[0].message", containsString("jours"));
        admin.request().when().get("/api/admin/campaigns/no-such-campaign/retention").then().statusCode(404);
        assertEquals(0, sql.count("SELECT count(*) FROM campaign WHERE retention_unconfirmed_days = 0"));
    }
}
