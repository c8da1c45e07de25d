package ca.constituent.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import ca.constituent.support.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class SecurityHeadersTest {

    @Test
    void everyPageHasAStrictPolicyNosniffAndHsts() {
        given().accept("text/html").when().get("/campaigns/end-ice-complicity").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", not(containsString("script-src 'self' 'unsafe-inline'")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Strict-Transport-Security", containsString("max-age="));
        given().accept("text/html").when().get("/campaigns/end-ice-complicity/embed").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"));
        given().when().get("/api/campaigns").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void pagesWhoseUrlCarriesAKeyAreNeitherReferredNorCached() {
        given().accept("text/html").when().get("/confirm/" + UUID.randomUUID() + "?key=abc").then()
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cache-Control", equalTo("no-store"));
        given().when().get("/campaigns/end-ice-complicity").then()
                .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"));
    }

    @Test
    void proofOfWorkWidgetIsServedByTheAppItself() {
        given().when().get("/altcha/altcha.js").then().statusCode(200)
                .contentType(containsString("javascript"));
        given().when().get("/altcha/worker.js").then().statusCode(200);
    }
}
