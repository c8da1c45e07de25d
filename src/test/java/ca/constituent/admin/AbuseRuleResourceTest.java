package ca.constituent.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.constituent.support.PostgresResource;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class AbuseRuleResourceTest {

    static final String RULES = "/api/admin/abuse-rules";

    @Inject
    Organisers organisers;

    @Inject
    Sql sql;

    @Test
    void adminAddsAndRemovesABlockedDomainAndEachChangeIsAudited() {
        Organisers.Session admin = organisers.signIn(Role.ADMIN);
        String domain = "spam-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        int id = admin.write().contentType(ContentType.JSON)
                .body(Map.of("list", "block", "kind", "domain", "value", domain, "note", "phishing run"))
                .when().post(RULES).then().statusCode(201)
                .body("value", equalTo(domain)).extract().path("id");
        admin.request().when().get(RULES).then().statusCode(200).body("value", hasItem(domain));
        admin.write().when().delete(RULES + "/" + id).then().statusCode(204);
        assertEquals(2, sql.count("SELECT count(*) FROM admin_audit WHERE action LIKE 'abuse-rule-%' AND target LIKE ?",
                "%#" + id));
    }

    @Test
    void viewerMayReadButNotChangeAndBadValuesAreNamed() {
        Organisers.Session viewer = organisers.signIn(Role.VIEWER);
        viewer.request().when().get(RULES).then().statusCode(200);
        viewer.write().contentType(ContentType.JSON)
                .body(Map.of("list", "block", "kind", "cidr", "value", "203.0.113.0/24"))
                .when().post(RULES).then().statusCode(403);
        Organisers.Session admin = organisers.signIn(Role.ADMIN);
        admin.write().contentType(ContentType.JSON)
                .body(Map.of("list", "block", "kind", "cidr", "value", "not-an-ip"))
                .when().post(RULES).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("value"));
    }
}
