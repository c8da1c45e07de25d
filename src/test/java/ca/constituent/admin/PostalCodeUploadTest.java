package ca.constituent.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ca.constituent.riding.RidingDatasets;
import ca.constituent.support.PostgresResource;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Organisers replace the full postal-code table: checked line by line, diffed against the imported table, applied
 * only on confirmation, served by the lookup at once, audited; only this route takes a table-sized body.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PostalCodeUploadTest {

    static final String API = "/api/admin/postal-code-uploads";
    static final String CSV = "text/csv; charset=UTF-8";
    static final String FIRST = "postal_code,fed_code,share\nK1A 0A6,35079,\nK1P 1A1,35079,\nB3H 1A1,12006,\n";

    @Inject
    Organisers organisers;

    @Inject
    Sql sql;

    @Inject
    RidingDatasets datasets;

    Organisers.Session admin;

    @BeforeEach
    void signIn() {
        datasets.clearPostalCodes();
        admin = organisers.signIn(Role.ADMIN);
    }

    /** Other classes look postal codes up without a table. */
    @AfterEach
    void clear() {
        datasets.clearPostalCodes();
    }

    @Test
    void aTableWithWrongLinesIsRefusedByLineNumberInTheOrganisersLanguageAndChangesNothing() {
        long uploads = sql.count("SELECT count(*) FROM riding_upload");
        String table = "postal_code,fed_code,share\nK1A 0A6,35079,\nK1A 0A6,12006,\nZZZ,35079,\n"
                + "K1P 1A1,99999,\nK1P 1A2,35079,2\nK1P 1A3,35079,\n";
        admin.write().header("Accept-Language", "fr").contentType(CSV).body(table).when().post(API)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-postal-code-table"))
                .body("errors.field", equalTo(List.of("line 3", "line 4", "line 5", "line 6")))
                .body("errors[0].message", equalTo("La circonscription n'est pas dans la province du code postal."));
        admin.write().contentType(CSV).body("code,riding\nK1A 0A6,35079\n").when().post(API)
                .then().statusCode(400).body("errors.field", equalTo(List.of("line 1")));
        assertEquals(uploads, sql.count("SELECT count(*) FROM riding_upload"), "nothing stored");
        assertEquals(0, sql.count("SELECT count(*) FROM postal_code_riding"), "nothing half-applied");
    }

    @Test
    void aTableShowsItsDiffAndIsServedByTheLookupOnlyOnceApplied() {
        apply(stage(FIRST).getString("id"));
        assertEquals(List.of("35079", "postal-code-table"), lookUp("K1A0A6"));
        String version = version();

        JsonPath staged = stage("postal_code,fed_code\nK1A 0A6,35075\nB3H 1A1,12006\nK2P 1A1,35079\n");
        assertEquals(List.of(3, 1, 1, 1, 1), List.of(staged.getInt("diff.rows"), staged.getInt("diff.added"),
                staged.getInt("diff.removed"), staged.getInt("diff.moved"), staged.getInt("diff.unchanged")));
        assertEquals(List.of("K2P 1A1", "K1A 0A6", "K1P 1A1"), staged.getList("diff.sample.postalCode"));
        assertEquals(List.of("35079"), staged.getList("diff.sample.find { it.kind == 'moved' }.before"));
        assertEquals(List.of("35075"), staged.getList("diff.sample.find { it.kind == 'moved' }.after"));
        assertEquals(List.of("35079", "postal-code-table"), lookUp("K1A0A6"), "nothing changes before applying");

        String id = staged.getString("id");
        admin.write().when().post(API + "/" + id + "/apply").then().statusCode(200).body("moved", equalTo(1));
        assertEquals(List.of("35075", "postal-code-table"), lookUp("K1A0A6"), "served at once");
        assertNotEquals("postal-code-table", lookUp("K1P1A1").get(1), "a removed code falls back");
        assertNotEquals(version, version(), "other instances reload when the version changes");
        admin.write().when().post(API + "/" + id + "/apply").then().statusCode(409)
                .body("type", equalTo("/problems/upload-applied"));
        assertEquals(2, sql.count("SELECT count(*) FROM admin_audit WHERE action = 'postal-code-upload-apply' "
                + "AND target = ?", "riding_upload:" + id) + sql.count("SELECT count(*) FROM admin_audit "
                + "WHERE action = 'postal-code-upload' AND target = ? AND row_count = 3", "riding_upload:" + id));

        String older = stage(FIRST).getString("id");
        apply(stage("postal_code,fed_code\nK1A 0A6,35079\n").getString("id"));
        admin.write().when().post(API + "/" + older + "/apply").then().statusCode(409)
                .body("type", equalTo("/problems/upload-stale"));
    }

    @Test
    void onlyAdminsUploadAndEveryWriteNeedsItsToken() {
        Organisers.Session viewer = organisers.signIn(Role.VIEWER);
        viewer.write().contentType(CSV).body(FIRST).when().post(API).then().statusCode(403);
        admin.request().header("Origin", Organisers.origin()).contentType(CSV).body(FIRST).when().post(API)
                .then().statusCode(403).body("type", equalTo("/problems/csrf-rejected"));
        String id = stage(FIRST).getString("id");
        admin.request().header("Origin", Organisers.origin()).when().post(API + "/" + id + "/apply")
                .then().statusCode(403);
        viewer.write().when().post(API + "/" + id + "/apply").then().statusCode(403);
        assertEquals(0, sql.count("SELECT count(*) FROM postal_code_riding"));
    }

    @Test
    void onlyTheTableRouteTakesATableSizedBody() {
        String table = table(160_000); // about 2.6 MB: over the MP list's 2 MB and every public limit
        byte[] bytes = table.getBytes(StandardCharsets.UTF_8);
        JsonPath staged = admin.write().contentType(CSV).body(bytes).when().post(API).then().statusCode(201)
                .extract().jsonPath();
        assertEquals(160_000, staged.getInt("diff.added"));
        admin.write().contentType(CSV).body(bytes).when().post("/api/admin/mp-uploads").then().statusCode(413);
        String note = "{\"personalNote\": \"" + "x".repeat(100_000) + "\"}"; // over 40 KB: the public limit holds
        given().contentType(ContentType.JSON).body(note).when().post("/api/campaigns/end-ice-complicity/signatures")
                .then().statusCode(413);
        admin.write().contentType(ContentType.JSON).body(note).when().post("/api/admin/abuse-rules")
                .then().statusCode(413);
        assertEquals(0, sql.count("SELECT count(*) FROM postal_code_riding"), "nothing applied");
    }

    @Test
    void thePagesShowTheDiffAndApplyOnConfirmationInBothLanguages() {
        String location = upload(FIRST, "fr").then().statusCode(303).extract().header("Location");
        admin.request().when().get(location).then().statusCode(200)
                .body(containsString("Codes postaux ajoutés"), containsString("data-postal-code=\"K1A 0A6\""),
                        containsString("id=\"apply\""));
        String id = location.replaceAll(".*/postal-code-uploads/([^?]+).*", "$1");
        admin.write().formParam("csrf", admin.csrf()).when()
                .post("/admin/mps/postal-code-uploads/" + id + "/apply?lang=en")
                .then().statusCode(303).header("Location", containsString("/admin/mps?postalCodes=3"));
        assertEquals(List.of("35079", "postal-code-table"), lookUp("K1P1A1"));
        upload("postal_code,fed_code\nnope,35079\n", "en").then().statusCode(400)
                .body(containsString("<strong>line 2</strong>"),
                        containsString("postal_code is not a Canadian postal code."));
    }

    /** The dashboard's upload form, posted as a browser does (with a length, not chunked). */
    private io.restassured.response.Response upload(String table, String lang) {
        String form = "--b0undary\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + admin.csrf()
                + "\r\n--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"table.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + table + "\r\n--b0undary--\r\n";
        return admin.request().header("Origin", Organisers.origin())
                .contentType("multipart/form-data; boundary=b0undary").body(form.getBytes(StandardCharsets.UTF_8))
                .when().post("/admin/mps/postal-code-uploads?lang=" + lang);
    }

    private JsonPath stage(String table) {
        return admin.write().contentType(CSV).body(table).queryParam("fileName", "table.csv").when().post(API)
                .then().statusCode(201).extract().jsonPath();
    }

    private void apply(String id) {
        admin.write().when().post(API + "/" + id + "/apply").then().statusCode(200);
    }

    private String version() {
        return (String) sql.rows("SELECT version FROM riding_dataset WHERE kind = 'postal-codes'").get(0)
                .get("version");
    }

    private static List<String> lookUp(String postalCode) {
        JsonPath found = given().queryParam("postalCode", postalCode).when().get("/api/ridings/lookup").then()
                .statusCode(200).extract().jsonPath();
        return List.of(found.getString("candidates[0].fedCode"), found.getString("source"));
    }

    /** {@code rows} distinct Ottawa postal codes, all in Ottawa Centre. */
    static String table(int rows) {
        String letters = "ABCEGHJKLMNPRSTVWXYZ";
        StringBuilder csv = new StringBuilder("postal_code,fed_code\n");
        int n = 0;
        for (int a = 0; a < 10 && n < rows; a++) {
            for (char b : letters.toCharArray()) {
                for (int c = 0; c < 10 && n < rows; c++) {
                    for (char d : letters.toCharArray()) {
                        for (int e = 0; e < 10 && n < rows; e++, n++) {
                            csv.append('K').append(a).append(b).append(' ').append(c).append(d).append(e)
                                    .append(",35079\n");
                        }
                    }
                }
            }
        }
        return csv.toString();
    }
}
