package ca.constituent.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.mpemail.LetterOutboxes;
import ca.constituent.signature.ConfirmationMails;
import ca.constituent.signature.CountRollup;
import ca.constituent.support.Mailbox;
import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signatures;
import ca.constituent.support.Signatures.Signed;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Invalidating and restoring signatures: counts, map, timeline, mail, letters, audit, access. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ModerationTest {

    static final String SLUG = DashboardDataTest.SLUG;
    static final String API = "/api/admin/campaigns/" + SLUG;

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
    ConfirmationMails confirmationMails;

    @Inject
    LetterOutboxes letters;

    @Inject
    Mailbox mailbox;

    @Test
    void anInvalidatedSignatureLeavesCountsMapAndTimelineAndGetsNoMailUntilRestored() {
        confirmationMails.sendDue();
        letters.deliverDue();
        mailbox.clear();
        Signed pending = signatures.sign(Signatures.in("B3H 1A1", "en"));
        Signed confirmed = signatures.signAndConfirm(Signatures.in("B3H 1A1", "en"));
        given().header("X-Signer-Key", confirmed.key()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/signatures/" + confirmed.id() + "/mp-email/send").then().statusCode(202);
        String riding = (String) sql.rows("SELECT fed_code FROM signature WHERE id = ?", confirmed.id()).get(0)
                .get("fed_code");
        Organisers.Session admin = organisers.signIn(Role.ADMIN);
        Figures before = figures(admin, riding);

        admin.write().contentType(ContentType.JSON)
                .body(Map.of("ids", List.of(pending.id().toString(), confirmed.id().toString()),
                        "reason", "burst from one address"))
                .when().post(API + "/signatures/invalidation").then().statusCode(200).body("changed", equalTo(2));
        Figures invalidated = figures(admin, riding);
        assertEquals(before.confirmed() - 1, invalidated.confirmed());
        assertEquals(before.pending() - 1, invalidated.pending());
        assertEquals(before.inRiding() - 1, invalidated.inRiding());
        assertEquals(before.signed() - 2, invalidated.signed());
        assertEquals(before.confirmedInTimeline() - 1, invalidated.confirmedInTimeline());
        confirmationMails.sendDue();
        letters.deliverDue();
        assertTrue(mailbox.getMailsSentTo(pending.email()).isEmpty(), "no confirmation mail once invalidated");
        assertEquals("queued", sql.rows("SELECT status FROM mp_email WHERE signature_id = ?", confirmed.id()).get(0)
                .get("status"), "the letter waits in the outbox");
        given().when().get("/api/signatures/" + confirmed.id() + "/mp-email?key=" + confirmed.key())
                .then().statusCode(404);
        assertEquals(1, sql.count("SELECT count(*) FROM admin_audit WHERE action = 'signature-invalidate' "
                + "AND row_count = 2 AND target LIKE '%burst from one address'"));

        admin.write().contentType(ContentType.JSON)
                .body(Map.of("ids", List.of(pending.id().toString(), confirmed.id().toString()),
                        "reason", "checked: real people"))
                .when().post(API + "/signatures/restoration").then().statusCode(200).body("changed", equalTo(2));
        assertEquals(before, figures(admin, riding));
        confirmationMails.sendDue();
        letters.deliverDue();
        assertEquals(1, mailbox.getMailsSentTo(pending.email()).size(), "the restored signer gets the mail");
        assertEquals("sent", sql.rows("SELECT status FROM mp_email WHERE signature_id = ?", confirmed.id()).get(0)
                .get("status"));
        assertEquals(1, sql.count("SELECT count(*) FROM admin_audit WHERE action = 'signature-restore' "
                + "AND row_count = 2 AND target LIKE '%checked: real people'"));
    }

    @Test
    void searchFindsByCanonicalAddressDomainFsaRidingStateDatesAndIpHash() {
        String domain = "find-" + System.nanoTime() + ".example.org";
        Map<String, Object> body = Signatures.in("B3H 1A1", "en");
        body.put("email", "Jane.Doe+petition@" + domain);
        Signed jane = signatures.sign(body);
        Map<String, Object> other = Signatures.in("K1P 1A1", "en");
        other.put("email", "other@" + domain);
        signatures.signAndConfirm(other);
        Organisers.Session admin = organisers.signIn(Role.ADMIN);
        assertEquals(List.of(jane.id().toString()), ids(admin, "email", "jane.doe+petition@" + domain.toUpperCase()));
        assertEquals(2, ids(admin, "domain", domain).size());
        assertEquals(List.of(jane.id().toString()), found(admin, Map.of("domain", domain, "postalCode", "b3h"))
                .getList("signatures.id"));
        assertEquals(List.of(jane.id().toString()), found(admin, Map.of("domain", domain, "postalCode", "B3H1A1"))
                .getList("signatures.id"));
        assertEquals(1, found(admin, Map.of("domain", domain, "state", "confirmed")).getLong("total"));
        String ipHash = (String) sql.rows("SELECT ip_hash FROM signature WHERE id = ?", jane.id()).get(0)
                .get("ip_hash");
        assertTrue(found(admin, Map.of("ipHash", ipHash)).getList("signatures.id").contains(jane.id().toString()));
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertEquals(2, found(admin, Map.of("domain", domain, "from", today, "to", today)).getLong("total"));
        assertEquals(0, found(admin, Map.of("domain", domain, "to", "2020-01-01")).getLong("total"));
        String riding = (String) sql.rows("SELECT fed_code FROM signature WHERE id = ?", jane.id()).get(0)
                .get("fed_code");
        assertTrue(found(admin, Map.of("riding", riding == null ? "unknown" : riding)).getList("signatures.id")
                .contains(jane.id().toString()));

        admin.request().header("Accept-Language", "fr").queryParam("postalCode", "12345").queryParam("from", "soon")
                .when().get(API + "/signatures/search").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("postalCode", "from")))
                .body("errors[0].message", equalTo("Entrez un code postal (K1A 0A6) ou ses trois premiers "
                        + "caractères (K1A)."));
    }

    @Test
    void viewersSearchMaskedButOnlyAdminsWriteAndEveryWriteNeedsItsToken() {
        String domain = "viewer-" + System.nanoTime() + ".example.org";
        Map<String, Object> body = Signatures.in("K1P 1A1", "en");
        body.put("email", "someone@" + domain);
        Signed s = signatures.sign(body);
        Organisers.Session viewer = organisers.signIn(Role.VIEWER);
        JsonPath masked = found(viewer, Map.of("domain", domain));
        assertEquals("s***@" + domain, masked.getString("signatures[0].email"));
        assertEquals(null, masked.getString("signatures[0].ipHash"));
        String selection = "{\"ids\":[\"" + s.id() + "\"],\"reason\":\"spam\"}";
        viewer.write().contentType(ContentType.JSON).body(selection)
                .when().post(API + "/signatures/invalidation").then().statusCode(403);
        Organisers.Session admin = organisers.signIn(Role.ADMIN);
        admin.request().header("Origin", Organisers.origin()).contentType(ContentType.JSON).body(selection)
                .when().post(API + "/signatures/invalidation").then().statusCode(403)
                .body("type", equalTo("/problems/csrf-rejected"));
        admin.write().contentType(ContentType.JSON).body("{\"ids\":[\"" + s.id() + "\"],\"reason\":\" \"}")
                .when().post(API + "/signatures/invalidation").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        assertEquals("pending", sql.rows("SELECT state FROM signature WHERE id = ?", s.id()).get(0).get("state"));
    }

    record Figures(long confirmed, long pending, long inRiding, long signed, long confirmedInTimeline) {
    }

    private Figures figures(Organisers.Session admin, String riding) {
        counts.rollUp();
        hourly.rollUp();
        JsonPath overview = admin.request().when().get(API + "/overview").then().statusCode(200).extract().jsonPath();
        JsonPath map = admin.request().when().get(API + "/ridings").then().statusCode(200).extract().jsonPath();
        JsonPath timeline = admin.request().when().get(API + "/timeline").then().statusCode(200).extract().jsonPath();
        long inRiding = map.getLong("ridings.find { it.fedCode == '" + riding + "' }.confirmed");
        return new Figures(overview.getLong("confirmed"), overview.getLong("pending"), inRiding,
                sum(timeline, "daily.signed"), sum(timeline, "daily.confirmed"));
    }

    private static long sum(JsonPath json, String path) {
        return json.<Number>getList(path).stream().mapToLong(Number::longValue).sum();
    }

    private static List<String> ids(Organisers.Session session, String field, String value) {
        return found(session, Map.of(field, value)).getList("signatures.id");
    }

    static JsonPath found(Organisers.Session session, Map<String, String> query) {
        return session.request().queryParams(query).when().get(API + "/signatures/search").then().statusCode(200)
                .extract().jsonPath();
    }
}
