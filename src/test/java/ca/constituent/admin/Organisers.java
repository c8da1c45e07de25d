package ca.constituent.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Organiser accounts made through the service, and signed-in sessions for RestAssured. Never a default account. */
@ApplicationScoped
public class Organisers {

    public static final String COOKIE = "constituent-admin";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** A signed-in session: its cookie and CSRF token. */
    public record Session(String cookie, String csrf) {

        public RequestSpecification request() {
            return given().redirects().follow(false).cookie(COOKIE, cookie);
        }

        /** A write from a dashboard page: this origin and the session's CSRF token. */
        public RequestSpecification write() {
            return request().header("Origin", origin()).header(CsrfFilter.HEADER, csrf);
        }
    }

    private final AdminAccounts accounts;

    Organisers(AdminAccounts accounts) {
        this.accounts = accounts;
    }

    /** A new account with a random address; returns its address. The password is {@link #password(String)}. */
    public String create(String role) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@organisers.example.org";
        accounts.create(email, "Test " + role, role, password(email));
        return email;
    }

    public static String password(String email) {
        return "Long enough and unusual " + email.hashCode();
    }

    public Session signIn(String role) {
        return signInAs(create(role));
    }

    public static Session signInAs(String email) {
        Response response = signInWith(email, password(email));
        assertEquals(302, response.statusCode());
        String cookie = response.getCookie(COOKIE);
        String page = given().cookie(COOKIE, cookie).when().get("/admin").then().statusCode(200)
                .extract().asString();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the overview page");
        }
        return new Session(cookie, m.group(1));
    }

    public static Response signInWith(String email, String password) {
        return given().redirects().follow(false).header("Origin", origin())
                .formParam("email", email).formParam("password", password)
                .when().post("/admin/sign-in");
    }

    public static String origin() {
        return "http://localhost:" + RestAssured.port;
    }
}
