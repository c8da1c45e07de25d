package ca.constituent.abuse;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.common.Keys;
import ca.constituent.signature.ConfirmationMails;
import ca.constituent.signature.CountRollup;
import ca.constituent.support.Mailbox;
import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signer;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The silent limits: over a limit a signer gets the normal answer, the signature is held, no mail leaves and no
 * count includes it. Requests come through the loopback, a trusted proxy in tests, so X-Forwarded-For names clients.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class SilentLimitsTest {

    static final String SIGNATURES = "/api/campaigns/end-ice-complicity/signatures";

    @Inject
    Sql sql;

    @Inject
    Mailbox mailbox;

    @Inject
    Keys keys;

    @Inject
    AbuseLists lists;

    @Inject
    ConfirmationMails mails;

    @Inject
    CountRollup rollup;

    /** The campaign's signatures of {@code state} as the counts hold them (public: confirmed; admin: pending). */
    long counted(String state) {
        rollup.rollUp();
        return sql.count("SELECT coalesce(sum(n), 0) FROM signature_count c JOIN campaign k ON k.id = c.campaign_id"
                + " WHERE k.slug = 'end-ice-complicity' AND c.state = ?", state);
    }

    @BeforeEach
    void emptyMailbox() {
        mails.sendDue();
        mailbox.clear();
    }

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** A client address no other test has used. */
    static String newClient() {
        int n = CLIENTS.incrementAndGet();
        return "203.0." + n / 250 + "." + (1 + n % 250);
    }

    static ExtractableResponse<Response> sign(Map<String, Object> body, String forwardedFor) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", forwardedFor).body(body)
                .when().post(SIGNATURES).then().extract();
    }

    static Map<String, Object> at(String domain) {
        return Signer.valid("signer-" + UUID.randomUUID() + "@" + domain);
    }

    String state(Map<String, Object> body) {
        return (String) sql.rows("SELECT state FROM signature WHERE email = ?", body.get("email")).get(0).get("state");
    }

    @Test
    void burstOfTenFromOneClientGetsTenNormalAnswersAndOneMailAndCountsOnce() {
        long pending = counted("pending");
        String client = newClient();
        String domain = "burst-" + UUID.randomUUID() + ".example";
        String first = null;
        for (int i = 0; i < 10; i++) {
            ExtractableResponse<Response> answer = sign(at(domain), client);
            assertEquals(202, answer.statusCode());
            first = first == null ? answer.body().asString() : first;
            assertEquals(first, answer.body().asString());
        }
        assertEquals(1, sql.count("SELECT count(*) FROM signature WHERE email LIKE ? AND state = 'pending'",
                "%@" + domain));
        assertEquals(9, sql.count("SELECT count(*) FROM signature WHERE email LIKE ? AND state = 'held'"
                + " AND held_reason = 'ip-burst'", "%@" + domain));
        mails.sendDue();
        assertEquals(1, mailbox.getTotalMessagesSent());
        assertEquals(pending + 1, counted("pending"), "the nine held signatures count nowhere");
    }

    @Test
    void spoofedLeftmostForwardedForChangesNothing() {
        String client = newClient();
        Map<String, Object> first = at("example.ca");
        sign(first, "198.51.100.1, " + client);
        Map<String, Object> second = at("example.ca");
        sign(second, "198.51.100.2, " + client);
        assertEquals("pending", state(first));
        assertEquals("held", state(second));
    }

    @Test
    void limitsCountSignaturesOtherReplicasWroteToTheSharedDatabase() {
        String client = newClient();
        sql.update("""
                INSERT INTO signature (id, campaign_id, first_name, last_name, email, canonical_email, postal_code,
                                       province, language, ip_hash)
                SELECT gen_random_uuid(), id, 'Other', 'Replica', ?, ?, 'K1A 0A6', 'ON', 'en', ? FROM campaign
                WHERE slug = 'end-ice-complicity'
                """, "replica-" + UUID.randomUUID() + "@example.ca", "replica-" + UUID.randomUUID() + "@example.ca",
                keys.hash("ip", client, 22));
        Map<String, Object> body = at("example.ca");
        assertEquals(202, sign(body, client).statusCode());
        assertEquals("held", state(body));
    }

    @Test
    void sustainedLimitHoldsTheSixthSignatureWithinFiveMinutes() {
        String client = newClient();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = at("example.ca");
            sign(body, client);
            assertEquals("pending", state(body), "signature " + (i + 1));
            sql.update("UPDATE signature SET created_at = created_at - interval '61 seconds' WHERE email = ?",
                    body.get("email"));
        }
        Map<String, Object> sixth = at("example.ca");
        sign(sixth, client);
        assertEquals("held", state(sixth));
    }

    @Test
    void perDomainLimitHoldsButFreeMailIsExempt() {
        String domain = "corp-" + UUID.randomUUID() + ".example";
        for (int i = 0; i < 30; i++) {
            sign(at(domain), newClient());
        }
        Map<String, Object> over = at(domain);
        sign(over, newClient());
        assertEquals("held", state(over));
        assertEquals(30, sql.count("SELECT count(*) FROM signature WHERE email LIKE ? AND state = 'pending'",
                "%@" + domain));
    }

    @Test
    void heldSignatureGivesWayToALaterCleanOneWithTheSameAddress() {
        String attacker = newClient();
        sign(at("example.ca"), attacker);
        Map<String, Object> victim = at("example.ca");
        sign(victim, attacker);
        assertEquals("held", state(victim));
        mails.sendDue();
        mailbox.clear();

        sign(victim, newClient());
        assertEquals("pending", state(victim));
        mails.sendDue();
        assertEquals(1, mailbox.getMailsSentTo((String) victim.get("email")).size());
    }

    @Test
    void blockedDomainAndHoneypotAreHeldSilently() {
        AbuseRule rule = lists.add(AbuseRule.BLOCK, AbuseRule.DOMAIN, "Blocked-" + UUID.randomUUID() + ".example",
                "test");
        try {
            Map<String, Object> blocked = at("mx." + rule.value());
            assertEquals(202, sign(blocked, newClient()).statusCode());
            assertEquals("held", state(blocked));
        } finally {
            lists.remove(rule.id());
        }
        Map<String, Object> bot = at("example.ca");
        given().contentType(ContentType.URLENC).header("X-Forwarded-For", newClient())
                .formParams(Map.of("firstName", "Robo", "lastName", "Bot", "email", bot.get("email"),
                        "postalCode", "K1A 0A6", "website", "http://spam.example"))
                .when().post(SIGNATURES).then().statusCode(202);
        assertEquals("held", state(bot));
        mails.sendDue();
        assertEquals(0, mailbox.getTotalMessagesSent());
    }

    @Test
    void blockedRangesAndAddressesAreHeldAndAnAllowedRangeSkipsTheRateLimits() {
        String blockedClient = newClient();
        Map<String, Object> blockedAddress = at("example.ca");
        String allowedClient = newClient();
        List<AbuseRule> rules = List.of(lists.add(AbuseRule.BLOCK, AbuseRule.CIDR, blockedClient + "/32", "test"),
                lists.add(AbuseRule.BLOCK, AbuseRule.ADDRESS, (String) blockedAddress.get("email"), "test"),
                lists.add(AbuseRule.ALLOW, AbuseRule.CIDR, allowedClient + "/32", "test"));
        try {
            Map<String, Object> fromBlockedRange = at("example.ca");
            assertEquals(202, sign(fromBlockedRange, blockedClient).statusCode());
            assertEquals(202, sign(blockedAddress, newClient()).statusCode());
            assertEquals("held", state(fromBlockedRange));
            assertEquals("held", state(blockedAddress));
            for (int i = 0; i < 3; i++) {
                Map<String, Object> allowed = at("example.ca");
                sign(allowed, allowedClient);
                assertEquals("pending", state(allowed), "an allowed range has no burst limit");
            }
        } finally {
            rules.forEach(rule -> lists.remove(rule.id()));
        }
        mails.sendDue();
        assertEquals(3, mailbox.getTotalMessagesSent(), "no mail for the blocked ones");
    }

    @Test
    void hourlyMailBudgetOfAllReplicasHoldsSignaturesOnceSpent() {
        sql.update("INSERT INTO confirmation_mail_budget (hour, shard, n) VALUES (date_trunc('hour', now()), -1, 5000)");
        try {
            Map<String, Object> body = at("example.ca");
            assertEquals(202, sign(body, newClient()).statusCode());
            assertEquals("held", state(body));
        } finally {
            sql.update("DELETE FROM confirmation_mail_budget WHERE shard = -1");
        }
    }

    @Test
    void oneMailboxGetsAtMostThreeMailsADayWhateverItsTags() {
        String local = "jane" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 5; i++) {
            sign(Signer.valid(local + "+" + i + "@company.example"), "127.0.0.1");
        }
        assertEquals(5, sql.count("SELECT count(*) FROM signature WHERE email LIKE ?", local + "+%"));
        mails.sendDue();
        assertEquals(3, mailbox.getTotalMessagesSent());
    }

    static ExtractableResponse<Response> lostLink(Object email, String forwardedFor) {
        return given().contentType(ContentType.URLENC).header("X-Forwarded-For", forwardedFor)
                .formParam("email", email)
                .when().post("/campaigns/end-ice-complicity/lost-link?lang=en").then().extract();
    }

    /** A pending signature whose confirmation mail has left, so the mailbox holds nothing yet. */
    Map<String, Object> signedAndMailed() {
        Map<String, Object> body = at("example.ca");
        sign(body, newClient());
        mails.sendDue();
        mailbox.clear();
        return body;
    }

    @Test
    void lostLinkRequestsOverTheClientsBurstGetTheSameAnswerAndNoMailWhateverTheSpoofedHeader() {
        Map<String, Object> body = signedAndMailed();
        String client = newClient();
        ExtractableResponse<Response> first = lostLink(body.get("email"), client);
        ExtractableResponse<Response> spoofed = lostLink(body.get("email"), "198.51.100.7, " + client);
        assertEquals(200, first.statusCode());
        assertEquals(200, spoofed.statusCode());
        assertEquals(first.body().asString(), spoofed.body().asString());
        mails.sendDue();
        assertEquals(1, mailbox.getMailsSentTo((String) body.get("email")).size(),
                "the second request, over the burst limit, queues nothing");
    }

    @Test
    void lostLinkLimitsCountRequestsOtherReplicasRecordedInTheSharedDatabase() {
        Map<String, Object> body = signedAndMailed();
        String client = newClient();
        sql.update("""
                INSERT INTO lost_link_request (campaign_id, ip_hash, created_at)
                SELECT id, ?, now() - interval '2 minutes' FROM campaign, generate_series(1, 5)
                WHERE slug = 'end-ice-complicity'
                """, keys.hash("ip", client, 22));
        assertEquals(200, lostLink(body.get("email"), client).statusCode());
        mails.sendDue();
        assertEquals(0, mailbox.getTotalMessagesSent(), "over the sustained limit: no mail");

        assertEquals(200, lostLink(body.get("email"), newClient()).statusCode());
        mails.sendDue();
        assertEquals(1, mailbox.getMailsSentTo((String) body.get("email")).size(), "another client is within its own");
    }

    /** Everything a client sees but the date: status, headers and body. */
    static String observable(ExtractableResponse<Response> answer) {
        StringBuilder seen = new StringBuilder().append(answer.statusCode()).append('\n');
        answer.headers().asList().stream()
                .filter(h -> !h.getName().equalsIgnoreCase("Date"))
                .map(h -> h.getName().toLowerCase(java.util.Locale.ROOT) + ": " + h.getValue())
                .sorted()
                .forEach(h -> seen.append(h).append('\n'));
        return seen.append(answer.body().asString()).toString();
    }

    @Test
    void newSignedConfirmedAndHeldAddressesGetTheSameAnswer() {
        Map<String, Object> signed = at("example.ca");
        sign(signed, newClient());
        Map<String, Object> confirmed = at("example.ca");
        sign(confirmed, newClient());
        sql.update("UPDATE signature SET state = 'confirmed', confirmed_at = now() WHERE email = ?",
                confirmed.get("email"));
        String held = newClient();
        sign(at("example.ca"), held);

        String fresh = observable(sign(at("example.ca"), newClient()));
        assertEquals(fresh, observable(sign(signed, newClient())));
        assertEquals(fresh, observable(sign(confirmed, newClient())));
        assertEquals(fresh, observable(sign(at("example.ca"), held)));
    }

    @Test
    void listsRefuseValuesThatAreNotOfTheirKind() {
        assertTrue(AbuseRule.normalise(AbuseRule.CIDR, "not an ip").isEmpty());
        assertEquals("203.0.113.0/24", AbuseRule.normalise(AbuseRule.CIDR, "203.0.113.0/24").orElseThrow());
        assertTrue(AbuseRule.normalise(AbuseRule.DOMAIN, "no_tld").isEmpty());
    }
}
