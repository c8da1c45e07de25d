package ca.constituent.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signatures;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.ext.web.Route;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Enumerates every route the application serves (from its OpenAPI document and its router) so that no dashboard
 * route can ship open: anonymous requests are refused, viewers cannot write, and operations endpoints are not on the
 * public port.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class AdminRoutesTest {

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

    @TestHTTPResource(value = "/openapi", management = true)
    URL openapi;

    @Inject
    Organisers organisers;

    @Inject
    Routes routes;

    @Inject
    ModerationJobs jobs;

    @Inject
    Signatures signatures;

    @Inject
    Sql sql;

    record Operation(String method, String template, String path) {
    }

    List<Operation> adminOperations() {
        JsonPath doc = given().when().get(openapi + "?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<Operation> found = new ArrayList<>();
        paths.forEach((template, methods) -> {
            if (AdminPaths.isAdmin(template)) {
                String path = template.replace("{slug}", "end-ice-complicity").replace("{fedCode}", "35001")
                        .replace("{language}", "fr").replace("{letterLanguage}", "fr").replaceAll("\\{[^}]+}", "1");
                methods.keySet().forEach(m -> found.add(new Operation(m, template, path)));
            }
        });
        return found;
    }

    @Test
    void everyAdminRouteRefusesAnonymousRequests() {
        List<Operation> operations = adminOperations();
        assertTrue(operations.size() >= 12, "the dashboard's routes are listed: " + operations);
        for (Operation op : operations) {
            if (op.template().equals(AdminPaths.SIGN_IN)) {
                continue;
            }
            var response = multipart(op, given().redirects().follow(false).header("Origin", Organisers.origin()))
                    .when().request(op.method(), op.path());
            if (AdminPaths.isPage(op.path())) {
                assertEquals(303, response.statusCode(), op.toString());
                assertTrue(response.header("Location").contains(AdminPaths.SIGN_IN), op.toString());
            } else {
                assertEquals(401, response.statusCode(), op.toString());
                assertEquals("/problems/unauthorized", response.jsonPath().getString("type"), op.toString());
            }
        }
    }

    /** The upload pages take only multipart bodies (a browser's file upload): an empty one. */
    static io.restassured.specification.RequestSpecification multipart(Operation op,
            io.restassured.specification.RequestSpecification request) {
        return op.template().equals("/admin/mps/uploads") || op.template().equals("/admin/mps/postal-code-uploads")
                ? request.contentType("multipart/form-data; boundary=b0")
                        .body("--b0--\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                : request;
    }

    @Test
    void viewersGet403OnEveryWriteAndTheAuditLog() {
        Organisers.Session viewer = organisers.signIn(Role.VIEWER);
        List<Operation> writes = adminOperations().stream().filter(op -> WRITES.contains(op.method()))
                .filter(op -> !op.path().endsWith("/sign-out")).toList();
        assertTrue(writes.size() >= 2, "writes are listed: " + writes);
        for (Operation op : writes) {
            multipart(op, viewer.write()).when().request(op.method(), op.path()).then().statusCode(403);
        }
        viewer.request().when().get("/admin/audit").then().statusCode(403);
        viewer.request().when().get("/admin").then().statusCode(200);
    }

    @Test
    void everyAdminReadWorksForAnAdmin() throws java.io.IOException {
        Organisers.Session admin = organisers.signIn(Role.ADMIN);
        // A bulk moderation job exists, so the job route's sample id (1) names one.
        admin.write().contentType("application/json").body(java.util.Map.of("action", "invalidate", "reason",
                "routes test", "domain", "no-such-domain.example.org"))
                .when().post("/api/admin/campaigns/end-ice-complicity/moderation-jobs").then().statusCode(202);
        // Run it to the end (it matches nothing): the scheduler is off in tests, and a job left queued would be
        // the oldest unfinished one, taken first by the next class's batches.
        jobs.drain(Integer.MAX_VALUE);
        // An uploaded MP list to read (it changes nothing until applied)
        String upload = admin.write().contentType("text/csv; charset=UTF-8").body(MpDataTest.shipped())
                .when().post("/api/admin/mp-uploads").then().statusCode(201).extract().path("id");
        // A staged postal-code table, a confirmed signature and its letter, for the routes that read one of each
        String table = admin.write().contentType("text/csv; charset=UTF-8").body(PostalCodeUploadTest.FIRST)
                .when().post("/api/admin/postal-code-uploads").then().statusCode(201).extract().path("id");
        Signatures.Signed signed = signatures.signAndConfirm(Signatures.in("B3H 1A1", "en"));
        given().header("X-Signer-Key", signed.key()).contentType("application/json").body("{}")
                .when().post("/api/signatures/" + signed.id() + "/mp-email/send").then().statusCode(202);
        String letter = sql.rows("SELECT id FROM mp_email WHERE signature_id = ?", signed.id()).get(0).get("id")
                .toString();
        for (Operation op : adminOperations()) {
            if (op.method().equals("get")) {
                String template = op.template();
                String path = template.contains("postal-code-uploads/{id}") ? template.replace("{id}", table)
                        : template.contains("uploads/{id}") ? template.replace("{id}", upload)
                        : template.endsWith("signatures/{id}") ? op.path().replaceAll("1$", signed.id().toString())
                        : template.endsWith("outreaches/{id}") ? op.path().replaceAll("1$", letter)
                        : op.path();
                admin.request().header("Accept-Encoding", "gzip").when().get(path).then().statusCode(200);
            }
        }
    }

    @Test
    void noRouteOutsideTheRestResourcesServesAdminPaths() {
        List<String> open = routes.router().getRoutes().stream().map(Route::getPath)
                .filter(p -> p != null && AdminPaths.isAdmin(p)).toList();
        // The sign-in form's POST is handled by form authentication itself, before any resource.
        assertEquals(List.of(AdminPaths.SIGN_IN), open, "dashboard paths are served only by secured REST resources");
    }

    @Test
    void operationsEndpointsAreNotOnThePublicPort() {
        for (String path : List.of("/q/metrics", "/q/openapi", "/q/swagger-ui", "/q/health", "/q/health/ready")) {
            given().redirects().follow(false).when().get(path).then().statusCode(404);
        }
        given().when().get(openapi.toString().replace("/openapi", "/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"));
        given().when().get(openapi.toString().replace("/openapi", "/swagger-ui/")).then().statusCode(200)
                .body(containsString("swagger"));
    }
}
