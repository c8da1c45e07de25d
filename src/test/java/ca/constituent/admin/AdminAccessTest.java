package ca.constituent.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.PostgresResource;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class AdminAccessTest {

    @Inject
    Organisers organisers;

    @Inject
    Sql sql;

    @Test
    void signInGivesAFreshHttpOnlyStrictSecureSessionAndSignOutEndsIt() {
        String email = organisers.create(Role.ADMIN);
        Response first = Organisers.signInWith(email, Organisers.password(email));
        assertEquals(302, first.statusCode());
        assertTrue(first.header("Location").endsWith("/admin"), first.header("Location"));
        String setCookie = first.header("Set-Cookie");
        assertTrue(setCookie.toLowerCase(java.util.Locale.ROOT).contains("; httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Secure"), setCookie);

        Organisers.Session session = Organisers.signInAs(email);
        assertNotEquals(first.getCookie(Organisers.COOKIE), session.cookie(), "a new session at every sign-in");
        session.request().when().get("/admin").then().statusCode(200).body(containsString("Test admin"));

        session.write().when().post("/admin/sign-out").then().statusCode(303)
                .header("Location", containsString("/admin/sign-in"));
        session.request().when().get("/admin").then().statusCode(303)
                .header("Location", containsString("/admin/sign-in"));
        assertEquals(1, sql.count("SELECT count(*) FROM admin_audit WHERE actor = ? AND action = 'sign-out'", email));
    }

    @Test
    void anonymousPagesRedirectToSignInAndTheApiAnswers401() {
        given().redirects().follow(false).when().get("/admin").then().statusCode(303)
                .header("Location", containsString("/admin/sign-in"));
        given().when().get("/api/admin/campaigns").then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("/problems/unauthorized"));
        given().when().get("/admin/sign-in?lang=fr").then().statusCode(200)
                .body(containsString("Connexion des organisateurs"));
    }

    @Test
    void csrfTokenAndOriginAreRequiredForWrites() {
        Organisers.Session session = organisers.signIn(Role.ADMIN);
        String origin = Organisers.origin();
        session.request().header("Origin", origin).when().post("/admin/sign-out").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("/problems/csrf-rejected"));
        session.request().header("Origin", origin).header(CsrfFilter.HEADER, "wrong")
                .when().post("/admin/sign-out").then().statusCode(403);
        session.request().header("Origin", "https://evil.example").header(CsrfFilter.HEADER, session.csrf())
                .when().post("/admin/sign-out").then().statusCode(403);
        session.request().header(CsrfFilter.HEADER, session.csrf())
                .when().post("/admin/sign-out").then().statusCode(403);
        session.request().header("Origin", origin).formParam("csrf", session.csrf())
                .when().post("/admin/sign-out").then().statusCode(303);
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        String email = organisers.create(Role.VIEWER);
        for (int i = 0; i < 5; i++) {
            Response r = Organisers.signInWith(email, "wrong password number " + i);
            assertTrue(r.header("Location").contains("/admin/sign-in?error"), r.header("Location"));
        }
        Response locked = Organisers.signInWith(email, Organisers.password(email));
        assertTrue(locked.header("Location").contains("/admin/sign-in?error"), "locked for 15 minutes");
        assertNotNull(sql.rows("SELECT locked_until FROM admin_sign_in_failure WHERE subject LIKE 'account:%'"
                + " AND locked_until > now()").get(0).get("locked_until"));
        sql.update("DELETE FROM admin_sign_in_failure");
    }
}
