package ca.constituent.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signatures;
import ca.constituent.support.Signatures.Signed;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Organisers keep the MPs current: an uploaded list (checked, diffed, applied on confirmation), single edits. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class MpDataTest {

    static final String HALIFAX = "12006";
    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    Organisers organisers;

    @Inject
    Sql sql;

    @Inject
    Signatures signatures;

    Organisers.Session admin;
    List<Map<String, Object>> before;

    @BeforeEach
    void signIn() {
        admin = organisers.signIn(Role.ADMIN);
        before = sql.rows("SELECT fed_code, name, party, email FROM member_of_parliament ORDER BY fed_code");
    }

    /** Puts every MP back as the shipped dataset has them, through the service, so other tests see them. */
    @AfterEach
    void restore() throws IOException {
        String id = admin.write().contentType(CSV).body(shipped())
                .when().post("/api/admin/mp-uploads").then().statusCode(201).extract().path("id");
        admin.write().when().post("/api/admin/mp-uploads/" + id + "/apply").then().statusCode(200);
        assertTrue(before.equals(mps()), "the shipped MPs are back");
    }

    private List<Map<String, Object>> mps() {
        return sql.rows("SELECT fed_code, name, party, email FROM member_of_parliament ORDER BY fed_code");
    }

    static String shipped() throws IOException {
        try (InputStream in = MpDataTest.class.getClassLoader()
                .getResourceAsStream("data/ridings/mps_45th_parliament.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The shipped list with {@code edits} applied: line number (1 = header) to the new line. */
    static String edited(Map<Integer, String> edits) throws IOException {
        List<String> lines = new ArrayList<>(List.of(shipped().split("\n")));
        edits.forEach((line, text) -> lines.set(line - 1, text));
        return String.join("\n", lines.stream().filter(l -> !l.equals("DROP")).toList()) + "\n";
    }

    static String line(int number) throws IOException {
        return shipped().split("\n")[number - 1];
    }

    /** Line {@code number} with its mp_name, mp_party and mp_email (columns 5 to 7) replaced. */
    static String withMp(int number, String name, String party, String email) throws IOException {
        String[] cells = line(number).split(",", -1);
        cells[4] = name;
        cells[5] = party;
        cells[6] = email;
        return String.join(",", cells);
    }

    @Test
    void aListWithWrongLinesIsRefusedLineByLineAndChangesNothing() throws IOException {
        String csv = edited(Map.of(
                3, withMp(3, "Tom Osborne", "Liberal", "not an address"),
                5, line(5).replaceFirst("^\\d{5}", "99999"),
                8, withMp(8, "", "Liberal", ""),
                10, "DROP"));
        long uploads = sql.count("SELECT count(*) FROM riding_upload");
        admin.write().contentType(CSV).header("Accept-Language", "fr").body(csv)
                .when().post("/api/admin/mp-uploads")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-mp-list"))
                .body("errors.field", hasItems("line 3", "line 5", "line 8"))
                .body("errors.find { it.field == 'line 3' }.message", equalTo("L'adresse courriel n'est pas valide."))
                .body("errors.find { it.field == 'line 8' }.message", containsString("siège vacant"))
                .body("errors.field", hasItems("riding " + line(5).substring(0, 5),
                        "riding " + line(10).substring(0, 5)));
        admin.write().contentType(CSV).body("fed_num,name\n10001,x\n")
                .when().post("/api/admin/mp-uploads")
                .then().statusCode(400).body("errors[0].field", equalTo("line 1"))
                .body("errors[0].message", containsString("fed_num, mp_name, mp_party and mp_email"));
        assertEquals(uploads, sql.count("SELECT count(*) FROM riding_upload"), "nothing stored");
        assertTrue(before.equals(mps()), "no MP changed");
    }

    @Test
    void aListShowsItsDiffAndChangesTheMpsOnlyWhenApplied() throws IOException {
        String csv = edited(Map.of(
                2, withMp(2, "Jane Newcomer", "Green", "jane.newcomer@parl.gc.ca"),
                3, withMp(3, "", "", ""),
                4, withMp(4, line(4).split(",")[4], "Independent", line(4).split(",")[6]),
                5, withMp(5, line(5).split(",")[4], line(5).split(",")[5], "new.address@parl.gc.ca")));
        String id = admin.write().contentType(CSV).body(csv).when().post("/api/admin/mp-uploads")
                .then().statusCode(201)
                .body("diff.changes.size()", equalTo(4))
                .body("diff.unchanged", equalTo(339))
                .body("diff.changes.find { it.fedCode == '10001' }.kind", equalTo("replaced"))
                .body("diff.changes.find { it.fedCode == '10001' }.before.name", equalTo("Paul Connors"))
                .body("diff.changes.find { it.fedCode == '10002' }.kind", equalTo("vacant"))
                .body("diff.changes.find { it.fedCode == '10002' }.after", equalTo(null))
                .body("diff.changes.find { it.fedCode == '10003' }.kind", equalTo("party"))
                .body("diff.changes.find { it.fedCode == '10004' }.kind", equalTo("email"))
                .extract().path("id");
        RestAssured.get("/api/ridings/10001").then().body("mp.name", equalTo("Paul Connors"));
        assertTrue(before.equals(mps()), "nothing changes before the upload is applied");

        organisers.signIn(Role.VIEWER).write().when().post("/api/admin/mp-uploads/" + id + "/apply")
                .then().statusCode(403);
        admin.request().header("Origin", Organisers.origin()).when().post("/api/admin/mp-uploads/" + id + "/apply")
                .then().statusCode(403).body("type", equalTo("/problems/csrf-rejected"));
        admin.write().when().post("/api/admin/mp-uploads/" + id + "/apply").then().statusCode(200)
                .body("changes.size()", equalTo(4));
        RestAssured.get("/api/ridings/10001").then().body("mp.name", equalTo("Jane Newcomer"))
                .body("mp.email", equalTo("jane.newcomer@parl.gc.ca"));
        RestAssured.get("/api/ridings/10002").then().body("vacant", equalTo(true));
        RestAssured.get("/api/ridings/10003").then().body("mp.party", equalTo("Independent"));
        admin.write().when().post("/api/admin/mp-uploads/" + id + "/apply").then().statusCode(409)
                .body("type", equalTo("/problems/upload-applied"));
        assertEquals(1, sql.count("SELECT count(*) FROM admin_audit WHERE action = 'mp-upload-apply' "
                + "AND target = ? AND row_count = 4", "riding_upload:" + id));

        admin.request().when().get("/api/admin/ridings/10001/mp-history").then().statusCode(200)
                .body("[0].name", equalTo("Jane Newcomer")).body("[0].to", equalTo(null))
                .body("[1].name", equalTo("Paul Connors")).body("[1].to", org.hamcrest.Matchers.notNullValue());
        assertEquals(0, sql.count("SELECT count(*) FROM mp_term WHERE fed_code = '10002' AND effective_to IS NULL"),
                "no current term for a vacant seat");
        assertEquals(1, sql.count("SELECT count(*) FROM mp_term WHERE fed_code = '10005' AND effective_to IS NULL"),
                "an unchanged MP keeps one current term");
    }

    @Test
    void anUploadComparedWithOlderDataIsNotApplied() throws IOException {
        String id = admin.write().contentType(CSV)
                .body(edited(Map.of(2, withMp(2, "Someone Else", "Liberal", "someone@parl.gc.ca"))))
                .when().post("/api/admin/mp-uploads").then().statusCode(201).extract().path("id");
        admin.write().contentType(ContentType.JSON).body(Map.of("vacant", true))
                .when().put("/api/admin/ridings/10006/mp").then().statusCode(200).body("kind", equalTo("vacant"));
        admin.write().when().post("/api/admin/mp-uploads/" + id + "/apply").then().statusCode(409)
                .body("type", equalTo("/problems/upload-stale"));
        RestAssured.get("/api/ridings/10001").then().body("mp.name", equalTo("Paul Connors"));
    }

    @Test
    void aQueuedLetterFollowsTheNewMpAndIsHeldWhileTheSeatIsVacant() {
        Signed s = signatures.signAndConfirm(Signatures.in("B3H 1A1", "fr"));
        io.restassured.RestAssured.given().header("X-Signer-Key", s.key()).contentType(ContentType.JSON)
                .body(Map.of()).when().post("/api/signatures/" + s.id() + "/mp-email/send").then().statusCode(202);
        Map<String, Object> queued = letter(s);
        assertEquals("shannon.miedema@parl.gc.ca", queued.get("to_email"));
        assertTrue(((String) queued.get("body")).contains("Bonjour Shannon Miedema"));
        assertNotNull(queued.get("mp_term_id"), "the letter records which MP record it is addressed to");

        admin.write().contentType(ContentType.JSON)
                .body(Map.of("name", "Alex By-Election", "party", "NDP", "email", "alex.byelection@parl.gc.ca"))
                .when().put("/api/admin/ridings/" + HALIFAX + "/mp").then().statusCode(200)
                .body("kind", equalTo("replaced"));
        Map<String, Object> readdressed = letter(s);
        assertEquals("queued", readdressed.get("status"));
        assertEquals("alex.byelection@parl.gc.ca", readdressed.get("to_email"));
        assertEquals("Alex By-Election", readdressed.get("to_name"));
        assertTrue(((String) readdressed.get("body")).contains("Bonjour Alex By-Election"));
        assertFalse(((String) readdressed.get("body")).contains("Shannon Miedema"));
        assertNotNull(readdressed.get("readdressed_at"));
        assertFalse(queued.get("mp_term_id").equals(readdressed.get("mp_term_id")));

        admin.write().contentType(ContentType.JSON).body(Map.of("vacant", true))
                .when().put("/api/admin/ridings/" + HALIFAX + "/mp").then().statusCode(200);
        Map<String, Object> held = letter(s);
        assertEquals("held", held.get("status"));
        assertEquals("seat-vacant", held.get("held_reason"));
        io.restassured.RestAssured.given().header("X-Signer-Key", s.key()).header("Accept-Language", "fr")
                .when().get("/api/signatures/" + s.id() + "/mp-email").then().statusCode(200)
                .body("status", equalTo("held")).body("blockedBy", equalTo("seat-vacant"));
        io.restassured.RestAssured.given().when().get("/letter/" + s.id() + "?key=" + s.key())
                .then().statusCode(200).body(containsString("Votre lettre est retenue"));
        admin.request().when().get("/api/admin/campaigns/end-ice-complicity/letters").then().statusCode(200)
                .body("inboxes.find { it.fedCode == '" + HALIFAX + "' }.held", equalTo(1));
        admin.request().when().get("/admin/letters?campaign=end-ice-complicity&lang=fr").then().statusCode(200)
                .body(containsString("lettres sont retenues"));
    }

    @Test
    void theMpPagesShowTheDiffBeforeApplyingInBothLanguages() throws IOException {
        String id = admin.write().contentType(CSV)
                .body(edited(Map.of(2, withMp(2, "Jane Newcomer", "Green", "jane.newcomer@parl.gc.ca"))))
                .when().post("/api/admin/mp-uploads").then().statusCode(201).extract().path("id");
        admin.request().when().get("/admin/mps/uploads/" + id + "?lang=fr").then().statusCode(200)
                .body(containsString("Nouvelle personne élue")).body(containsString("Appliquer ces changements"));
        admin.request().when().get("/admin/mps/uploads/" + id + "?lang=en").then().statusCode(200)
                .body(containsString("New MP")).body(containsString("342 ridings unchanged."));
        String form = "--b0undary\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + admin.csrf()
                + "\r\n--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mps.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nfed_num\n1,2\n\r\n--b0undary--\r\n";
        admin.request().header("Origin", Organisers.origin()).contentType("multipart/form-data; boundary=b0undary")
                .body(form.getBytes(StandardCharsets.UTF_8))
                .when().post("/admin/mps/uploads?lang=fr").then().statusCode(400)
                .body(containsString("rien n&#39;a été modifié")).body(containsString("<strong>ligne 1</strong>"));
        admin.write().formParam("csrf", admin.csrf()).formParam("fedCode", "10001").formParam("name", "X Y")
                .formParam("party", "Bloc").formParam("email", "bad")
                .when().post("/admin/mps/edit?lang=en").then().statusCode(400)
                .body(containsString("The email address is not valid."));
        String applied = admin.write().formParam("csrf", admin.csrf())
                .when().post("/admin/mps/uploads/" + id + "/apply?lang=en").then().statusCode(303)
                .extract().header("Location");
        assertTrue(applied.endsWith("/admin/mps?applied=1&lang=en"), applied);
        assertNotNull(sql.rows("SELECT applied_at FROM riding_upload WHERE id = ?::uuid", id).get(0)
                .get("applied_at"));
    }

    private Map<String, Object> letter(Signed s) {
        return sql.rows("SELECT status, held_reason, to_name, to_email, body, mp_term_id, readdressed_at "
                + "FROM mp_email WHERE signature_id = ?", s.id()).get(0);
    }
}
