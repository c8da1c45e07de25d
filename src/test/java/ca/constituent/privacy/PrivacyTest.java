package ca.constituent.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.signature.ConfirmationMails;
import ca.constituent.signature.CountRollup;
import ca.constituent.support.Mailbox;
import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signatures;
import ca.constituent.support.Signatures.Signed;
import ca.constituent.support.Signer;
import ca.constituent.support.Sql;
import io.quarkus.mailer.Mail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PrivacyTest {

    @Inject
    Sql sql;

    @Inject
    Signatures signatures;

    @Inject
    CountRollup rollup;

    @Inject
    Retention retention;

    @Inject
    ConfirmationMails mails;

    @Inject
    Mailbox mailbox;

    long counted(String state) {
        rollup.rollUp();
        return sql.count("SELECT coalesce(sum(n), 0) FROM signature_count WHERE state = ?", state);
    }

    @Test
    void privacyPageStatesTheRetentionInForceInEnglishAndFrench() {
        sql.update("UPDATE campaign SET retention_unconfirmed_days = 21 WHERE slug = 'end-ice-complicity'");
        try {
            given().when().get("/privacy?lang=en").then().statusCode(200)
                    .body(containsString("deleted after 21 days"));
            given().when().get("/privacy?lang=fr").then().statusCode(200)
                    .body(containsString("supprimées après 21 jours"));
        } finally {
            sql.update("UPDATE campaign SET retention_unconfirmed_days = 30 WHERE slug = 'end-ice-complicity'");
        }
    }

    @Test
    void signerSeesTheirDataThenErasesItAndTheCountDropsByOne() {
        Signed signed = signatures.signAndConfirm(Signer.valid());
        long before = counted("confirmed");
        given().when().get("/my-data/" + signed.id() + "?key=" + signed.key()).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store")).header("Referrer-Policy", equalTo("no-referrer"))
                .body(containsString(signed.email()));
        given().when().get("/my-data/" + signed.id() + "?key=wrong").then().statusCode(404);

        given().contentType("application/x-www-form-urlencoded").formParam("key", signed.key())
                .when().post("/my-data/" + signed.id() + "/erase").then().statusCode(200);
        assertEquals(0, sql.count("SELECT count(*) FROM signature WHERE id = ?", signed.id()));
        assertEquals(0, sql.count("SELECT count(*) FROM confirmation_mail WHERE signature_id = ?", signed.id()),
                "no mail row names the signer any more");
        assertEquals(before - 1, counted("confirmed"));
    }

    @Test
    void everyConfirmationMailOffersOneClickUnsubscribeWhichWithdrawsConsent() {
        mails.sendDue();
        mailbox.clear();
        Map<String, Object> body = Signer.valid();
        body.put("consentUpdates", "true");
        Signed signed = signatures.sign(body);
        mails.sendDue();
        Mail mail = mailbox.getMailsSentTo(signed.email()).get(0);
        String header = mail.getHeaders().get("List-Unsubscribe").get(0);
        assertEquals("List-Unsubscribe=One-Click", mail.getHeaders().get("List-Unsubscribe-Post").get(0));
        assertTrue(mail.getText().contains("/my-data/" + signed.id()));
        String url = header.substring(header.indexOf("/unsubscribe/"), header.length() - 1);

        given().when().get(url).then().statusCode(200);
        assertEquals(true, sql.rows("SELECT consent_updates FROM signature WHERE id = ?", signed.id()).get(0)
                .get("consent_updates"), "a GET (a link scanner) changes nothing");
        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .when().post(url).then().statusCode(200);
        assertEquals(false, sql.rows("SELECT consent_updates FROM signature WHERE id = ?", signed.id()).get(0)
                .get("consent_updates"));
    }

    @Test
    void retentionDeletesUnconfirmedDropsIpHashesAndAnonymisesWithCountsKeptRight() {
        Signed stale = signatures.sign(Signer.valid());
        Signed old = signatures.signAndConfirm(Signer.valid());
        sql.update("UPDATE signature SET created_at = now() - interval '31 days' WHERE id IN (?, ?)",
                stale.id(), old.id());
        long pending = counted("pending");
        long confirmed = counted("confirmed");

        retention.apply();
        assertEquals(0, sql.count("SELECT count(*) FROM signature WHERE id = ?", stale.id()));
        assertEquals(pending - 1, counted("pending"));
        assertNull(sql.rows("SELECT ip_hash FROM signature WHERE id = ?", old.id()).get(0).get("ip_hash"));
        assertEquals(confirmed, counted("confirmed"));
    }

    @Test
    void lostLinkRequestsAreForgottenOnceNoLimitWindowLooksAtThem() {
        sql.update("""
                INSERT INTO lost_link_request (campaign_id, ip_hash, created_at)
                SELECT id, 'retention-old', now() - interval '6 minutes' FROM campaign
                WHERE slug = 'end-ice-complicity'
                UNION ALL SELECT id, 'retention-new', now() - interval '4 minutes' FROM campaign
                WHERE slug = 'end-ice-complicity'
                """);
        retention.apply();
        assertEquals(0, sql.count("SELECT count(*) FROM lost_link_request WHERE ip_hash = 'retention-old'"));
        assertEquals(1, sql.count("SELECT count(*) FROM lost_link_request WHERE ip_hash = 'retention-new'"),
                "still inside the 5-minute sustained window");
    }

    @Test
    void letterBodiesAreErasedSomeDaysAfterSendingAndTheLetterStillCounts() {
        Signed signed = signatures.signAndConfirm(Signatures.in("B3H 1A1", "en"));
        given().header("X-Signer-Key", signed.key()).contentType("application/json").body(Map.of())
                .when().post("/api/signatures/" + signed.id() + "/mp-email/send").then().statusCode(202);
        sql.update("UPDATE mp_email SET status = 'sent', sent_at = now() - interval '29 days' WHERE signature_id = ?",
                signed.id());
        String sentInRiding = "SELECT count(*) FROM mp_email WHERE status = 'sent'"
                + " AND fed_code = (SELECT fed_code FROM mp_email WHERE signature_id = ?)";
        long sent = sql.count(sentInRiding, signed.id());

        retention.apply();
        assertTrue(((String) letterOf(signed).get("body")).length() > 0, "kept within the 30 days");
        sql.update("UPDATE mp_email SET sent_at = now() - interval '31 days' WHERE signature_id = ?", signed.id());
        assertTrue(retention.apply().lettersErased() >= 1);
        Map<String, Object> letter = letterOf(signed);
        assertEquals("", letter.get("body"));
        assertTrue(letter.get("body_erased_at") != null);
        assertEquals("sent", letter.get("status"));
        assertEquals(sent, sql.count(sentInRiding, signed.id()), "the riding's count of letters is unchanged");
    }

    Map<String, Object> letterOf(Signed signed) {
        return sql.rows("SELECT body, body_erased_at, status FROM mp_email WHERE signature_id = ?", signed.id())
                .get(0);
    }

    @Test
    void signaturesOfACampaignClosedLongEnoughAreAnonymisedButStillCounted() {
        sql.update("""
                INSERT INTO campaign (slug, title_en, title_fr, summary_en, summary_fr, goal, status, sender_name)
                VALUES ('closed-long-ago', 'Closed', 'Fermée', 's', 's', 10, 'open', 'Closed')
                ON CONFLICT (slug) DO NOTHING
                """);
        sql.update("""
                INSERT INTO signature (id, campaign_id, state, first_name, last_name, email, canonical_email,
                                       postal_code, province, fed_code, language, confirmed_at)
                SELECT gen_random_uuid(), id, 'confirmed', 'Ada', 'Lovelace', 'ada-closed@example.ca',
                       'ada-closed@example.ca', 'K1A 0A6', 'ON', '35079', 'en', now()
                FROM campaign WHERE slug = 'closed-long-ago'
                """);
        sql.update("UPDATE campaign SET status = 'closed' WHERE slug = 'closed-long-ago'");
        sql.update("UPDATE campaign SET closed_at = now() - interval '7 months' WHERE slug = 'closed-long-ago'");
        long confirmed = counted("confirmed");

        retention.apply();
        Map<String, Object> row = sql.rows("SELECT first_name, email, postal_code, fed_code FROM signature"
                + " WHERE campaign_id = (SELECT id FROM campaign WHERE slug = 'closed-long-ago')").get(0);
        assertEquals("-", row.get("first_name"));
        assertTrue(((String) row.get("email")).startsWith("anonymised-"));
        assertEquals("K1A", row.get("postal_code"));
        assertEquals("35079", row.get("fed_code"));
        assertEquals(confirmed, counted("confirmed"));
    }
}
