package ca.constituent.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.signature.CountRollup;
import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signatures;
import ca.constituent.support.Signatures.Signed;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** CSV exports and the OSDI API: content per consent, invalidated signatures left out, shape, streaming, audit. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ExportTest {

    static final String API = ModerationTest.API;
    static final int ROWS = 200_000;

    @Inject
    Organisers organisers;

    @Inject
    Signatures signatures;

    @Inject
    Sql sql;

    @Inject
    CountRollup counts;

    @Test
    void twoHundredThousandSignaturesStreamWithContactDetailsOnlyForConsentingSigners() throws Exception {
        String domain = "export-" + System.nanoTime() + ".example.org";
        sql.update("""
                INSERT INTO signature (id, campaign_id, state, first_name, last_name, email, canonical_email,
                                       postal_code, province, fed_code, language, consent_updates, created_at,
                                       confirmed_at)
                SELECT gen_random_uuid(), c.id, 'confirmed', 'Export', '=cmd', 'e' || g || '@' || ?,
                       'e' || g || '@' || ?, 'K1P 1A1', 'ON', NULL, 'fr', g % 2 = 0, now() - interval '1 day',
                       now()
                FROM campaign c, generate_series(1, ?) g WHERE c.slug = ?
                """, domain, domain, ROWS, DashboardDataTest.SLUG);
        try {
            long confirmed = sql.count("SELECT count(*) FROM signature s JOIN campaign c ON c.id = s.campaign_id "
                    + "WHERE c.slug = ? AND s.state = 'confirmed'", DashboardDataTest.SLUG);
            Organisers.Session admin = organisers.signIn(Role.ADMIN);
            // Heap in use after each collection (garbage excluded), sampled while the export streams.
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getCollectionUsage() != null).toList();
            System.gc();
            long baseline = afterCollection(pools);
            AtomicLong peak = new AtomicLong(baseline);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(afterCollection(pools), Math::max);
                    // A collection's figures change only when one ends: spinning here took a core from the export
                    LockSupport.parkNanos(2_000_000);
                }
            });
            sampler.start();
            long lines = 0;
            long withEmail = 0;
            long started = System.nanoTime();
            try (InputStream in = admin.request().when().get(API + "/exports/signatures.csv").then().statusCode(200)
                    .contentType("text/csv; charset=UTF-8").extract().asInputStream();
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                assertEquals("id,signed_at,confirmed_at,province,riding,riding_name,language,consent_updates,"
                        + "first_name,last_name,email,postal_code", reader.readLine());
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines++;
                    if (line.contains("@" + domain)) {
                        withEmail++;
                        assertTrue(line.contains(",true,Export,\"'=cmd\",\"e") && line.endsWith(",\"K1P 1A1\""), line);
                    } else if (line.contains(",Export,")) {
                        throw new AssertionError("a name without consent: " + line);
                    }
                }
            } finally {
                running.set(false);
                sampler.join();
            }
            System.out.printf("Export of %d signatures: %.1f s, heap after collections peaked %d MB above its %d MB baseline%n", lines,
                    (System.nanoTime() - started) / 1e9, (peak.get() - baseline) >> 20, baseline >> 20);
            assertEquals(confirmed, lines);
            assertEquals(ROWS / 2, withEmail, "contact details for the consenting half only");
            assertEquals(confirmed, sql.count("SELECT row_count FROM admin_audit WHERE action = 'export-signatures' "
                    + "ORDER BY id DESC LIMIT 1"));

            JsonPath osdi = admin.request().queryParam("page", 2).queryParam("per_page", 100)
                    .when().get("/api/admin/osdi/v1/petitions/" + DashboardDataTest.SLUG + "/signatures")
                    .then().statusCode(200).contentType("application/hal+json").extract().jsonPath();
            assertEquals(confirmed, osdi.getLong("total_records"));
            assertEquals((confirmed + 99) / 100, osdi.getLong("total_pages"));
            assertEquals(100, osdi.getList("_embedded.'osdi:signatures'").size());
            assertTrue(osdi.getString("_links.next.href").endsWith("/signatures?page=3&per_page=100"));
            assertTrue(osdi.getString("_links.prev.href").endsWith("/signatures?page=1&per_page=100"));
        } finally {
            sql.update("DELETE FROM signature WHERE canonical_email LIKE ?", "%@" + domain);
            counts.rollUp();
            // The deleted rows would otherwise be scanned as dead tuples by the classes after this one until
            // autovacuum's next pass (ModerationJobTest took 22 s instead of 7 s behind this class).
            sql.update("VACUUM ANALYZE signature");
        }
    }

    @Test
    void countsAndOsdiDocumentsFollowConsentAndLeaveInvalidatedSignaturesOut() {
        Map<String, Object> consenting = Signatures.in("B3H 1A1", "en");
        consenting.put("consentUpdates", true);
        Signed yes = signatures.signAndConfirm(consenting);
        Signed no = signatures.signAndConfirm(Signatures.in("B3H 1A1", "fr"));
        Signed gone = signatures.signAndConfirm(Signatures.in("B3H 1A1", "en"));
        Organisers.Session admin = organisers.signIn(Role.ADMIN);
        admin.write().contentType(ContentType.JSON)
                .body(Map.of("ids", List.of(gone.id().toString()), "reason", "duplicate person"))
                .when().post(API + "/signatures/invalidation").then().statusCode(200);
        counts.rollUp();

        String csv = admin.request().when().get(API + "/exports/signatures.csv").then().statusCode(200).extract()
                .asString();
        assertTrue(csv.contains(yes.email()), "consenting signer's address");
        assertTrue(!csv.contains(no.email()) && csv.contains(no.id().toString()), "riding and date only");
        assertTrue(!csv.contains(gone.id().toString()), "invalidated: not exported");

        String riding = (String) sql.rows("SELECT fed_code FROM signature WHERE id = ?", yes.id()).get(0)
                .get("fed_code");
        // The export covers this campaign only; other classes confirm signatures in their own campaigns.
        long inRiding = confirmedIn("s.fed_code = ?", riding);
        String byRiding = admin.request().when().get(API + "/exports/counts-by-riding.csv").then().statusCode(200)
                .extract().asString();
        assertTrue(byRiding.lines().anyMatch(l -> l.startsWith(riding + ",") && l.endsWith("," + inRiding)),
                byRiding);
        long inNs = confirmedIn("s.province = ?", "NS");
        admin.request().when().get(API + "/exports/counts-by-province.csv").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("\nNS," + inNs + "\n"));

        JsonPath petitions = admin.request().when().get("/api/admin/osdi/v1/petitions").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, petitions.getInt("page"));
        assertEquals(25, petitions.getInt("per_page"));
        assertTrue(petitions.getLong("total_records") >= 1);
        assertEquals("osdi", petitions.getString("_links.curies[0].name"));
        assertTrue(petitions.getBoolean("_links.curies[0].templated"));
        Map<String, Object> petition = petitions.getMap("_embedded.'osdi:petitions'.find { it.identifiers[0] == "
                + "'constituent:" + DashboardDataTest.SLUG + "' }");
        assertTrue(((Map<?, ?>) petition.get("_links")).containsKey("osdi:signatures"), petition.toString());

        JsonPath all = admin.request().queryParam("per_page", 100)
                .when().get("/api/admin/osdi/v1/petitions/" + DashboardDataTest.SLUG + "/signatures")
                .then().statusCode(200).extract().jsonPath();
        String mine = "_embedded.'osdi:signatures'.find { it.identifiers[0] == 'constituent:%s' }";
        int pages = all.getInt("total_pages");
        JsonPath last = admin.request().queryParam("per_page", 100).queryParam("page", pages)
                .when().get("/api/admin/osdi/v1/petitions/" + DashboardDataTest.SLUG + "/signatures")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(yes.email(), last.getString(mine.formatted(yes.id()) + ".person.email_addresses[0].address"));
        assertEquals(null, last.getString(mine.formatted(no.id()) + ".person"));
        assertEquals("fr", last.getString(mine.formatted(no.id()) + ".custom_fields.language"));
        assertEquals(null, last.getString(mine.formatted(gone.id())));
        assertEveryRecordHasASelfLinkThatServesIt(admin, petitions, "petitions");
        assertEveryRecordHasASelfLinkThatServesIt(admin, last, "signatures");
        admin.request().when().get("/api/admin/osdi/v1/petitions/" + DashboardDataTest.SLUG + "/signatures/"
                + gone.id()).then().statusCode(404).contentType("application/problem+json");

        given().header("X-Signer-Key", yes.key()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/signatures/" + yes.id() + "/mp-email/send").then().statusCode(202);
        String outreachesPath = "/api/admin/osdi/v1/petitions/" + DashboardDataTest.SLUG + "/outreaches";
        int outreachPages = admin.request().queryParam("per_page", 100).when().get(outreachesPath).then()
                .statusCode(200).extract().jsonPath().getInt("total_pages");
        JsonPath outreaches = admin.request().queryParam("per_page", 100).queryParam("page", outreachPages)
                .when().get(outreachesPath).then().statusCode(200).extract().jsonPath();
        assertTrue(outreaches.getList("_embedded.'osdi:outreaches'._links.'osdi:signature'.href").stream()
                .anyMatch(h -> h.toString().endsWith("/signatures/" + yes.id())), "the letter is an outreach");
        assertEveryRecordHasASelfLinkThatServesIt(admin, outreaches, "outreaches");

        organisers.signIn(Role.VIEWER).request().when().get(API + "/exports/signatures.csv").then().statusCode(403);
        organisers.signIn(Role.VIEWER).request().when().get("/api/admin/osdi/v1/petitions").then().statusCode(403)
                .body("type", equalTo("/problems/forbidden"));
    }

    /** Every embedded record links to itself, the collection lists those links, and each one serves the record. */
    private static void assertEveryRecordHasASelfLinkThatServesIt(Organisers.Session admin, JsonPath collection,
                                                                  String rel) {
        List<Map<String, Object>> records = collection.getList("_embedded.'osdi:" + rel + "'");
        assertTrue(!records.isEmpty(), rel);
        List<String> selves = collection.getList("_embedded.'osdi:" + rel + "'._links.self.href");
        assertEquals(records.size(), selves.size(), "every " + rel + " record has _links.self");
        assertEquals(selves, collection.getList("_links.'osdi:" + rel + "'.href"));
        for (int i = 0; i < Math.min(3, records.size()); i++) {
            JsonPath one = admin.request().when().get(selves.get(i)).then().statusCode(200)
                    .contentType("application/hal+json").extract().jsonPath();
            assertEquals(records.get(i).get("identifiers"), one.getList("identifiers"));
            assertEquals(selves.get(i), one.getString("_links.self.href"));
        }
    }

    private static long afterCollection(List<MemoryPoolMXBean> pools) {
        return pools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
    }

    private long confirmedIn(String where, String value) {
        return sql.count("SELECT count(*) FROM signature s JOIN campaign c ON c.id = s.campaign_id WHERE c.slug = ? "
                + "AND s.state = 'confirmed' AND " + where, DashboardDataTest.SLUG, value);
    }
}
