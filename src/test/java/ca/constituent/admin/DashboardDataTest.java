package ca.constituent.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.signature.CountRollup;
import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signatures;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dashboard's numbers against the public counts and the database; masking; letters; the admin command. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class DashboardDataTest {

    static final String SLUG = "end-ice-complicity";

    @Inject
    Organisers organisers;

    @Inject
    Signatures signatures;

    @Inject
    Sql sql;

    @Inject
    CountRollup counts;

    @Inject
    HourlyRollup hourly;

    @Inject
    AdminCommand command;

    @Test
    void overviewMapAndTimelineMatchThePublicCountsAndTheDatabase() {
        signatures.signAndConfirm(Signatures.in("K1P 1A1", "en"));
        signatures.signAndConfirm(Signatures.in("B3H 1A1", "fr"));
        signatures.sign(Signatures.in("K1A 0A6", "en"));
        counts.rollUp();
        hourly.rollUp();
        signatures.signAndConfirm(Signatures.in("B3H 1A1", "en")); // after the hourly roll-up: still counted
        counts.rollUp();
        Organisers.Session viewer = organisers.signIn(Role.VIEWER);

        JsonPath pub = given().when().get("/api/campaigns/" + SLUG + "/counts").then().statusCode(200)
                .extract().jsonPath();
        JsonPath overview = viewer.request().when().get("/api/admin/campaigns/" + SLUG + "/overview")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(pub.getLong("confirmed"), overview.getLong("confirmed"));
        // The public endpoint no longer shows pending signatures; the database does.
        assertEquals(count("s.state = 'confirmed'"), overview.getLong("confirmed"));
        assertEquals(count("s.state = 'pending'"), overview.getLong("pending"));
        assertEquals(sql.count("SELECT count(*) FROM mp_email m JOIN campaign c ON c.id = m.campaign_id "
                + "WHERE c.slug = ? AND m.status = 'sent'", SLUG),
                overview.getLong("letters.sent"));

        JsonPath map = viewer.request().when().get("/api/admin/campaigns/" + SLUG + "/ridings")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(343, map.getList("ridings").size());
        Map<String, Object> byRiding = pub.getMap("byRiding");
        long sum = map.getLong("unknown");
        for (Map<String, Object> r : map.<Map<String, Object>>getList("ridings")) {
            long n = ((Number) r.get("confirmed")).longValue();
            sum += n;
            assertEquals(((Number) byRiding.getOrDefault(r.get("fedCode"), 0)).longValue(), n, r.toString());
        }
        assertEquals(overview.getLong("confirmed"), sum);

        JsonPath timeline = viewer.request().when().get("/api/admin/campaigns/" + SLUG + "/timeline")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(48, timeline.getList("hourly").size());
        // Invalidated signatures leave the timeline as they leave the counts.
        // This campaign's signatures only: other classes sign other campaigns in the same database.
        assertEquals(count("s.created_at >= date_trunc('hour', now(), 'UTC') - interval '47 hours'"
                + " AND s.state <> 'invalidated'"), sumOf(timeline, "hourly.signed"));
        assertEquals(count("s.state <> 'invalidated'"), sumOf(timeline, "daily.signed"));
        assertEquals(count("s.confirmed_at IS NOT NULL AND s.state <> 'invalidated'"),
                sumOf(timeline, "daily.confirmed"));
    }

    @Test
    void boundariesAreGzippedUnderOneAndAHalfMegabytesAndCached() {
        Organisers.Session viewer = organisers.signIn(Role.VIEWER);
        Response r = viewer.request().header("Accept-Encoding", "gzip").when().get("/api/admin/ridings/boundaries");
        r.then().statusCode(200).header("Content-Encoding", "gzip");
        byte[] wire = given().cookie(Organisers.COOKIE, viewer.cookie()).header("Accept-Encoding", "gzip")
                .config(io.restassured.RestAssured.config().decoderConfig(
                        io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders()))
                .when().get("/api/admin/ridings/boundaries").then().extract().asByteArray();
        assertTrue(wire.length < 1_500_000, "over the wire: " + wire.length + " bytes");
        System.out.printf("Riding boundaries for the map: %d bytes gzipped, %d features%n", wire.length,
                r.jsonPath().getList("features").size());
        assertEquals(343, r.jsonPath().getList("features").size());
        viewer.request().header("If-None-Match", r.header("ETag")).when().get("/api/admin/ridings/boundaries")
                .then().statusCode(304);
    }

    @Test
    void viewersSeeMaskedSignaturesAndPagesFollowTheKeyset() {
        for (int i = 0; i < 10; i++) {
            signatures.sign(Signatures.in("K1P 1A1", "en"));
        }
        Organisers.Session viewer = organisers.signIn(Role.VIEWER);
        Organisers.Session admin = organisers.signIn(Role.ADMIN);
        String url = "/api/admin/campaigns/" + SLUG + "/signatures";
        JsonPath first = viewer.request().when().get(url).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> page = first.getList("signatures");
        assertEquals(5, page.size());
        for (Map<String, Object> s : page) {
            assertTrue(((String) s.get("email")).matches("^.\\*\\*\\*@[^@]+$"), s.toString());
            assertEquals(3, ((String) s.get("postalCode")).length(), s.toString());
        }
        JsonPath second = viewer.request().queryParam("before", first.getString("next")).when().get(url)
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = sql.rows("SELECT s.id FROM signature s JOIN campaign c ON c.id = s.campaign_id "
                + "WHERE c.slug = ? ORDER BY s.created_at DESC, s.id DESC LIMIT 10", SLUG).stream()
                .map(r -> r.get("id").toString()).toList();
        assertEquals(ids.subList(0, 5), first.getList("signatures.id"));
        assertEquals(ids.subList(5, 10), second.getList("signatures.id"));
        Map<String, Object> unmasked = admin.request().when().get(url).then().statusCode(200)
                .extract().jsonPath().getMap("signatures[0]");
        assertEquals(sql.rows("SELECT email FROM signature WHERE id = ?", UUID.fromString((String) unmasked.get("id")))
                .get(0).get("email"), unmasked.get("email"));
        viewer.request().when().get("/admin/signatures").then().statusCode(200);
    }

    @Test
    void anAdminRetriesAFailedLetterAndTheAuditLogSaysSo() {
        Signatures.Signed signed = signatures.signAndConfirm(Signatures.in("K1P 1A1", "en"));
        long id = sql.count("""
                INSERT INTO mp_email (signature_id, campaign_id, fed_code, language, to_name, to_email, from_name,
                    reply_to, subject, body, status, attempts, last_error)
                SELECT id, campaign_id, '35079', 'en', 'Test MP', 'mp@example.org', 'Signer via Campaign',
                    email, 'Subject', 'Body', 'failed', 8, '550 mailbox unavailable'
                FROM signature WHERE id = ? RETURNING id
                """, signed.id());
        Organisers.Session viewer = organisers.signIn(Role.VIEWER);
        Organisers.Session admin = organisers.signIn(Role.ADMIN);
        // The page shows the newest open campaign unless told: other classes create newer ones.
        String letters = viewer.request().queryParam("campaign", SLUG).when().get("/admin/letters").then().statusCode(200).extract().asString();
        assertTrue(letters.contains("550 mailbox unavailable"));
        assertFalse(letters.contains("data-retry=\"" + id + "\""), "viewers get no retry button");
        viewer.write().when().post("/api/admin/letters/" + id + "/retry").then().statusCode(403);
        assertTrue(admin.request().queryParam("campaign", SLUG).when().get("/admin/letters").then().extract().asString()
                .contains("data-retry=\"" + id + "\""));
        admin.write().when().post("/api/admin/letters/" + id + "/retry").then().statusCode(204);
        assertEquals("queued", sql.rows("SELECT status FROM mp_email WHERE id = ?", id).get(0).get("status"));
        admin.write().when().post("/api/admin/letters/" + id + "/retry").then().statusCode(409)
                .body("type", equalTo("/problems/letter-not-retryable"));
        assertEquals(1, sql.count("SELECT count(*) FROM admin_audit WHERE action = 'letter-retry' AND target = ?",
                "mp_email:" + id));
        assertTrue(admin.request().when().get("/admin/audit").then().statusCode(200).extract().asString()
                .contains("mp_email:" + id));
    }

    @Test
    void theAdminCommandCreatesDisablesAndResetsAccountsWithStrongPasswordsOnly() {
        String email = "first-" + UUID.randomUUID().toString().substring(0, 8) + "@organisers.example.org";
        assertEquals(1, run("create --email " + email + " --role admin", "short"));
        assertEquals(1, run("create --email " + email + " --role admin", "Password1234!"));
        assertEquals(2, run("create --role admin", "whatever"));
        assertEquals(0, run("create --email " + email + " --role admin --name First", Organisers.password(email)));
        assertEquals(1, run("create --email " + email + " --role viewer", Organisers.password(email)));
        String hash = (String) sql.rows("SELECT password_hash FROM admin_user WHERE email = ?", email).get(0)
                .get("password_hash");
        // Cost 4 is the test profile's (AdminConfig.passwordHashCost; production refuses below 12: PasswordCostTest).
        assertTrue(hash.matches("\\$2[aby]\\$04\\$.{53}"), hash);
        Organisers.Session session = Organisers.signInAs(email);

        assertEquals(0, run("disable --email " + email, ""));
        session.request().when().get("/admin").then().statusCode(303);
        assertTrue(Organisers.signInWith(email, Organisers.password(email)).header("Location").contains("error"));

        assertEquals(0, run("reset-password --email " + email, "A brand new long passphrase"));
        assertNotEquals(hash, sql.rows("SELECT password_hash FROM admin_user WHERE email = ?", email).get(0)
                .get("password_hash"));
        assertTrue(Organisers.signInWith(email, "A brand new long passphrase").header("Location").endsWith("/admin"));
        assertEquals(0, sql.count("SELECT count(*) FROM admin_user WHERE email LIKE 'admin@%'"), "no default account");
    }

    int run(String args, String stdin) {
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        return command.run(("admin " + args).split(" "), new BufferedReader(new StringReader(stdin + "\n")), out, out);
    }

    long count(String where) {
        return sql.count("SELECT count(*) FROM signature s JOIN campaign c ON c.id = s.campaign_id WHERE c.slug = ? AND "
                + where, SLUG);
    }

    static long sumOf(JsonPath json, String path) {
        return json.<Number>getList(path).stream().mapToLong(Number::longValue).sum();
    }
}
