package ca.constituent.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.signature.CountRollup;
import ca.constituent.support.PostgresResource;
import ca.constituent.support.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A search's whole result invalidated and restored in the background: batches, progress, two workers at once. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ModerationJobTest {

    static final String API = ModerationTest.API;
    static final int ROWS = 10_000;

    @Inject
    Organisers organisers;

    @Inject
    Sql sql;

    @Inject
    CountRollup counts;

    @Inject
    ModerationJobs jobs;

    @Test
    void tenThousandSignaturesAreInvalidatedInBatchesByTwoWorkersOnceEachThenRestored() throws Exception {
        // batch() takes the oldest unfinished job and the scheduler is off in tests: finish any job another class
        // queued (AdminRoutesTest queues one) so the batches below are this job's.
        jobs.drain(Integer.MAX_VALUE);
        String domain = "bulk-" + System.nanoTime() + ".example.org";
        sql.update("""
                INSERT INTO signature (id, campaign_id, state, first_name, last_name, email, canonical_email,
                                       postal_code, province, language, created_at, confirmed_at)
                SELECT gen_random_uuid(), c.id, 'confirmed', 'Bulk', 'Signer', 'b' || g || '@' || ?,
                       'b' || g || '@' || ?, 'K1P 1A1', 'ON', 'en', now() - g * interval '1 second', now()
                FROM campaign c, generate_series(1, ?) g WHERE c.slug = ?
                """, domain, domain, ROWS, DashboardDataTest.SLUG);
        try {
            Organisers.Session admin = organisers.signIn(Role.ADMIN);
            long before = confirmed(admin);
            JsonPath job = admin.write().contentType(ContentType.JSON)
                    .body(Map.of("action", "invalidate", "reason", "one burst", "domain", domain))
                    .when().post(API + "/moderation-jobs").then().statusCode(202)
                    .body("total", equalTo(ROWS)).body("status", equalTo("queued")).extract().jsonPath();
            long id = job.getLong("id");

            assertTrue(QuarkusTransaction.requiringNew().call(jobs::batch));
            JsonPath progress = admin.request().when().get("/api/admin/moderation-jobs/" + id).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals("running", progress.getString("status"));
            assertEquals(1000, progress.getInt("scanned"));
            assertEquals(1000, progress.getInt("changed"));
            assertEquals(10, progress.getInt("percent"));
            String page = admin.request().queryParam("campaign", DashboardDataTest.SLUG)
                    .queryParam("domain", domain).when().get("/admin/moderation")
                    .then().statusCode(200).extract().asString();
            assertTrue(page.contains("data-job=\"" + id + "\" data-status=\"running\""), "progress on the page");
            assertTrue(page.contains("<progress max=\"100\" value=\"10\">"), "progress on the page");

            drainWithTwoWorkers();
            JsonPath done = admin.request().when().get("/api/admin/moderation-jobs/" + id).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals("done", done.getString("status"));
            assertEquals(ROWS, done.getInt("changed"), "every row changed exactly once");
            assertEquals(ROWS, done.getInt("scanned"));
            assertEquals(ROWS / 1000 + 1, done.getInt("batches"), "1,000 rows per transaction, then an empty one");
            assertEquals(before - ROWS, confirmed(admin));
            assertEquals(ROWS, sql.count("SELECT count(*) FROM signature WHERE canonical_email LIKE ? "
                    + "AND state = 'invalidated' AND invalidation_reason = 'one burst'", "%@" + domain));
            assertEquals(1, sql.count("SELECT count(*) FROM admin_audit WHERE action = 'signature-bulk-invalidate' "
                    + "AND row_count = ? AND target = ?", ROWS, "moderation_job:" + id + " reason: one burst"));
            assertEquals(1, sql.count("SELECT count(*) FROM admin_audit WHERE action = "
                    + "'signature-bulk-invalidate-done' AND row_count = ? AND target = ?", ROWS,
                    "moderation_job:" + id + " reason: one burst"));

            admin.write().contentType(ContentType.JSON)
                    .body(Map.of("action", "restore", "reason", "false alarm", "domain", domain))
                    .when().post(API + "/moderation-jobs").then().statusCode(202);
            drainWithTwoWorkers();
            assertEquals(before, confirmed(admin));
        } finally {
            sql.update("DELETE FROM signature WHERE canonical_email LIKE ?", "%@" + domain);
            counts.rollUp();
            sql.update("VACUUM ANALYZE signature"); // as ExportTest: no dead rows left for the classes after this
        }
    }

    @Test
    void aBulkJobNeedsACriterionAReasonAndAnAdmin() {
        Organisers.Session admin = organisers.signIn(Role.ADMIN);
        admin.write().contentType(ContentType.JSON).body(Map.of("action", "invalidate", "reason", "everything"))
                .when().post(API + "/moderation-jobs").then().statusCode(400)
                .body("errors[0].field", equalTo("filter"));
        admin.write().contentType(ContentType.JSON).body(Map.of("action", "invalidate", "domain", "example.org"))
                .when().post(API + "/moderation-jobs").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        organisers.signIn(Role.VIEWER).write().contentType(ContentType.JSON)
                .body(Map.of("action", "invalidate", "reason", "x", "domain", "example.org"))
                .when().post(API + "/moderation-jobs").then().statusCode(403);
    }

    private void drainWithTwoWorkers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(() -> jobs.drain(100));
            Future<Integer> b = pool.submit(() -> jobs.drain(100));
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        jobs.drain(100);
    }

    private long confirmed(Organisers.Session admin) {
        counts.rollUp();
        return admin.request().when().get(API + "/overview").then().statusCode(200).extract().jsonPath()
                .getLong("confirmed");
    }
}
