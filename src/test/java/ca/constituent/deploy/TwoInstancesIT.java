package ca.constituent.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.ScriptedSmtpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two replicas of the packaged app, started at the same moment on one empty PostgreSQL and one SMTP server, as a
 * Deployment with two pods would run: migrations, outboxes, scheduled jobs and datasets stay correct.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern CONFIRM_LINK = Pattern.compile("/confirm/([0-9a-f-]{36})\\?key=([A-Za-z0-9_-]+)");
    /** Outboxes keep their shipped period (2 s); the count roll-up runs and riding datasets are checked every 1 s. */
    static final List<String> FAST_SCHEDULES = List.of("-Dconstituent.ridings.refresh-every=1s",
            "-Dconstituent.signatures.counts-every=1s");

    EmptyDatabase db;
    ScriptedSmtpServer smtp;
    Path datasetDir;
    AppProcess a;
    AppProcess b;

    @BeforeAll
    void startTwoInstancesAtOnceOnAnEmptyDatabase() throws Exception {
        db = new EmptyDatabase();
        smtp = ScriptedSmtpServer.accepting(0);
        datasetDir = Files.createDirectories(Path.of("target", "it-dataset"));
        RidingDatasetFiles.write(datasetDir, "2099-01-01", "Avalon (first)");
        Map<String, String> env = Map.ofEntries(Map.entry("DB_URL", db.url), Map.entry("DB_USER", db.user),
                Map.entry("DB_PASSWORD", db.password), Map.entry("DB_POOL_SIZE", "8"),
                Map.entry("APP_SECRET", "two-instances-it-secret-0123456789abcdef"),
                Map.entry("SMTP_HOST", "127.0.0.1"), Map.entry("SMTP_PORT", String.valueOf(smtp.port())),
                Map.entry("SMTP_STARTTLS", "DISABLED"), Map.entry("MAIL_FROM", "Constituent <campaigns@example.ca>"),
                Map.entry("MP_EMAIL_FROM", "letters@example.ca"), Map.entry("MP_EMAIL_PER_INBOX_PER_MINUTE", "0"),
                Map.entry("REPRESENT_ENABLED", "false"),
                // The test's own loopback client is exempt from the signing limits; a forwarded address is not.
                Map.entry("TRUSTED_PROXIES", "127.0.0.1/32"), Map.entry("ALLOW_CIDRS", "127.0.0.1/32"));
        Map<String, String> withDataset = new java.util.HashMap<>(env);
        // Only A is given the newer dataset: B must learn of it through the database.
        withDataset.put("RIDINGS_DATASET_DIR", datasetDir.toAbsolutePath().toString());
        a = new AppProcess("instance-a").start(withDataset, FAST_SCHEDULES);
        b = new AppProcess("instance-b").start(env, FAST_SCHEDULES);
        a.awaitReady(Duration.ofSeconds(180));
        b.awaitReady(Duration.ofSeconds(180));
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {a, b, smtp, db}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void migrationsStartedTogetherRanOnceEach() throws Exception {
        long shipped;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            shipped = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        List<Map<String, Object>> applied = db.rows("""
                SELECT version, count(*) AS runs, bool_and(success) AS ok FROM flyway_schema_history
                WHERE version IS NOT NULL GROUP BY version""");
        assertEquals(shipped, applied.size(), "every migration applied");
        for (Map<String, Object> version : applied) {
            assertEquals(1L, version.get("runs"), "migration " + version.get("version") + " ran twice");
            assertEquals(true, version.get("ok"), "migration " + version.get("version") + " failed");
        }
        for (AppProcess app : List.of(a, b)) {
            assertEquals(200, app.get("/api/campaigns/end-ice-complicity").statusCode(), app.name);
        }
    }

    @Test
    @Order(2)
    void mailsQueuedOnBothInstancesAreEachSentOnce() throws Exception {
        List<String> signers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String email = "two-instances-" + i + "@example.ca";
            signers.add(email);
            assertEquals(202, (i % 2 == 0 ? a : b).post("/api/campaigns/end-ice-complicity/signatures",
                    JSON.writeValueAsString(Map.of("firstName", "Alex", "lastName", "Martin", "email", email,
                            "postalCode", "K1A 0A6", "language", "en")), Map.of()).statusCode());
        }
        List<SentMail> confirmations = await("30 confirmation mails", () -> confirmations(), list -> list.size() >= 30);
        List<SentMail> letters = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Matcher link = CONFIRM_LINK.matcher(confirmations.get(i).text());
            assertTrue(link.find(), "a confirmation link in " + confirmations.get(i).text());
            AppProcess confirming = i % 2 == 0 ? b : a;
            assertEquals(200, confirming.post("/api/signatures/" + link.group(1) + "/confirmation",
                    JSON.writeValueAsString(Map.of("key", link.group(2))), Map.of()).statusCode());
            AppProcess sending = i % 2 == 0 ? a : b;
            assertEquals(202, sending.post("/api/signatures/" + link.group(1) + "/mp-email/send", "{}",
                    Map.of("X-Signer-Key", link.group(2))).statusCode());
        }
        await("10 letters", () -> letters(), list -> list.size() >= 10);
        Thread.sleep(3_000); // both outboxes drain a few more times: nothing may leave twice
        confirmations = confirmations();
        letters.addAll(letters());
        Map<String, Long> perSigner = confirmations.stream()
                .collect(Collectors.groupingBy(SentMail::to, Collectors.counting()));
        assertEquals(signers.size(), perSigner.size(), "one confirmation mail per signer");
        perSigner.forEach((to, n) -> assertEquals(1L, n, "confirmation mails to one signer"));
        assertEquals(10, letters.size(), "letters sent");
        assertEquals(10, letters.stream().map(SentMail::messageId).distinct().count(), "distinct letter Message-IDs");
        assertEquals(10L, db.value("SELECT count(*) FROM mp_email WHERE status = 'sent'"));
        assertEquals(30L, db.value("SELECT count(*) FROM confirmation_mail WHERE status = 'sent'"));
    }

    @Test
    @Order(3)
    void countRollupRunsOncePerPeriodAcrossBothInstances() throws Exception {
        long before = (Long) db.value("SELECT runs FROM scheduled_job WHERE name = 'count-rollup'");
        Thread.sleep(6_000);
        long runs = (Long) db.value("SELECT runs FROM scheduled_job WHERE name = 'count-rollup'") - before;
        System.out.printf("count roll-up: %d runs in 6 s with two instances on a 1 s timer each%n", runs);
        // Each instance's timer fires 6 times: 12 runs if both folded every period, 6 to 8 if once per period.
        assertTrue(runs >= 3 && runs <= 8, "count roll-up ran " + runs + " times in 6 periods");
        for (AppProcess app : List.of(a, b)) {
            JsonNode counts = JSON.readTree(app.get("/api/campaigns/end-ice-complicity/counts").body());
            assertEquals(10, counts.get("confirmed").asInt(), app.name + " confirmed");
        }
        // Folded once each: a delta folded twice would count a signature twice.
        assertEquals(20L, db.value("SELECT coalesce(sum(n), 0)::bigint FROM signature_count WHERE state = 'pending'"));
    }

    @Test
    @Order(4)
    void datasetLoadedOnOneInstanceIsServedByBothAndLoadedOnce() throws Exception {
        awaitBothServe("Avalon (first)");
        RidingDatasetFiles.write(datasetDir, "2099-02-01", "Avalon (second)");
        awaitBothServe("Avalon (second)");
        Object loadedAt = db.value("SELECT loaded_at FROM riding_dataset WHERE kind = 'ridings'");
        assertEquals("2099-02-01", db.value("SELECT version FROM riding_dataset WHERE kind = 'ridings'"));
        Thread.sleep(2_500); // two more refresh periods on each instance
        assertEquals(loadedAt, db.value("SELECT loaded_at FROM riding_dataset WHERE kind = 'ridings'"),
                "the dataset was loaded again");
    }

    @Test
    @Order(5)
    void signingLimitsCountedOnOneInstanceHoldOnTheOther() throws Exception {
        Map<String, String> client = Map.of("X-Forwarded-For", "203.0.113.77");
        for (AppProcess app : List.of(a, b)) {
            assertEquals(202, app.post("/api/campaigns/end-ice-complicity/signatures",
                    JSON.writeValueAsString(Map.of("firstName", "Lee", "lastName", "Chan", "email",
                            "limit-" + app.name + "@example.org", "postalCode", "K1A 0A6", "language", "en")),
                    client).statusCode());
        }
        assertEquals("pending", db.value("SELECT state FROM signature WHERE email = 'limit-instance-a@example.org'"));
        assertEquals("held", db.value("SELECT state FROM signature WHERE email = 'limit-instance-b@example.org'"),
                "the burst limit (1 a minute) counted on A must hold the same client on B");
    }

    @Test
    @Order(6)
    void sigtermUnderIntakeLoadLosesNoAcceptedSignature() throws Exception {
        IntakeLoad.Result result = IntakeLoad.untilStopped(b, Duration.ofSeconds(2));
        System.out.printf("SIGTERM under load: %d accepted (202), %d refused (503), %d connections refused; "
                        + "exited %d ms after SIGTERM%n", result.accepted().size(), result.refused(),
                result.connectionErrors(), result.exitTime().toMillis());
        assertTrue(result.accepted().size() > 20, "load reached the app: " + result.accepted().size());
        List<String> stored = db.rows("SELECT email FROM signature WHERE email = ANY (?)",
                (Object) result.accepted().toArray(String[]::new)).stream()
                .map(r -> (String) r.get("email")).toList();
        assertEquals(result.accepted().size(), stored.size(), "every 202 has its row");
        assertTrue(result.exitTime().compareTo(IntakeLoad.shutdownBudget()) <= 0,
                "exited after " + result.exitTime() + ", beyond the pod's grace period less its preStop pause");
        assertEquals(200, AppProcess.get(a.managementPort, "/q/health/ready").statusCode(), "A still serves");
    }

    private List<SentMail> confirmations() {
        return SentMail.parse(smtp.messages()).stream().filter(m -> !m.isLetter()).toList();
    }

    private List<SentMail> letters() {
        return SentMail.parse(smtp.messages()).stream().filter(SentMail::isLetter).toList();
    }

    private void awaitBothServe(String name) throws Exception {
        for (AppProcess app : List.of(a, b)) {
            await(app.name + " serving " + name, () -> JSON.readTree(app.get("/api/ridings/10001").body())
                    .get("nameEn").asText(), name::equals);
        }
    }

    static <T> T await(String what, Callable<T> probe, java.util.function.Predicate<T> done) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        T last = probe.call();
        while (!done.test(last)) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited 60 s for " + what + "; last saw " + last);
            }
            Thread.sleep(250);
            last = probe.call();
        }
        return last;
    }
}
