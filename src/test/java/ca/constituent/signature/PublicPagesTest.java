package ca.constituent.signature;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signatures;
import ca.constituent.support.Signer;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * What the public pages offer around signing: share links and social previews, "lost your link?", the MP card
 * that says when the riding is a guess and lets the signer correct it, the riding's figures, and the embed page.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PublicPagesTest {

    static final String CAMPAIGN = "/campaigns/end-ice-complicity";

    @Inject
    Sql sql;

    @Inject
    Signatures signatures;

    @Inject
    CountRollup rollup;

    @Test
    void theCampaignPageSharesWithPlainLinksAndSocialPreviewTags() {
        String page = given().accept("text/html").when().get(CAMPAIGN + "?lang=fr")
                .then().statusCode(200).extract().asString();
        for (String expected : new String[] {"property=\"og:image\" content=\"http://localhost:8080" + CAMPAIGN
                + "/social.png?lang=fr\"", "name=\"twitter:card\" content=\"summary_large_image\"",
                "property=\"og:locale\" content=\"fr_CA\"", "https://wa.me/?text=",
                "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Flocalhost%3A8080%2Fcampaigns",
                "https://bsky.app/intent/compose?text=", "https://x.com/intent/post?text=", "href=\"mailto:?subject=",
                "Faites connaître la campagne", "action=\"" + CAMPAIGN + "/lost-link?lang=fr\""}) {
            assertTrue(page.contains(expected), expected);
        }
        assertTrue(!page.matches("(?s).*<script[^>]+src=\"https?:.*"), "a third-party script");
    }

    @Test
    void theSocialImageIsA1200By630PngInThePagesLanguage() throws IOException {
        byte[] png = given().when().get(CAMPAIGN + "/social.png?lang=fr")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1200, image.getWidth());
        assertEquals(630, image.getHeight());
        given().when().get("/campaigns/no-such-campaign/social.png").then().statusCode(404);
    }

    @Test
    void theMpCardTakesItsPhotoFromThisSiteOnly() {
        Signatures.Signed s = signatures.signAndConfirm(Signatures.in("K1A 0A6", "en"));
        String letter = letterPage(s, 200);
        assertTrue(letter.contains("<img class=\"mp-photo\" src=\"/api/ridings/35079/photo\"")
                || letter.contains("class=\"mp-photo mp-initials\""), letter);
        assertTrue(!letter.matches("(?s).*<img[^>]+src=\"https?:.*"), "an image from another site");
        given().when().get("/api/ridings/99999/photo").then().statusCode(404)
                .contentType("application/problem+json");
        // The House of Commons' photo when it can be fetched, else an SVG of the initials: never a broken image.
        given().when().get("/api/ridings/35079/photo").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("image/"));
    }

    @Test
    void aLostLinkIsMailedAgainWithTheSameAnswerWhetherOrNotTheAddressSigned() {
        Signatures.Signed pending = signatures.sign(Signer.valid());
        Signatures.Signed confirmed = signatures.signAndConfirm(Signer.valid());
        String signed = lostLink(pending.email(), 200);
        String unknown = lostLink("nobody-" + UUID.randomUUID() + "@example.ca", 200);
        assertEquals(signed, unknown);
        assertTrue(signed.contains("If this address signed the campaign, we have sent it a new link"), signed);
        lostLink(confirmed.email().toUpperCase(), 200);
        assertEquals(2, mails(pending.id()));
        assertEquals(2, mails(confirmed.id()));
        // The mailbox's budget of the day (3 by default) holds for lost links as for signing.
        lostLink(pending.email(), 200);
        lostLink(pending.email(), 200);
        assertEquals(3, mails(pending.id()));
    }

    @Test
    void aLostLinkWithAnAddressThatIsNoAddressIsAFieldErrorInTheSignersLanguage() {
        String page = lostLink("not an address", 400);
        assertTrue(page.contains("Entrez une adresse courriel valide") || page.contains("courriel"), page);
        assertTrue(page.contains("id=\"lost-email\""), page);
    }

    @Test
    void aRidingGuessedFromTheFsaIsFlaggedAndMayBeCorrectedOnceFromTheLetterPage() {
        Signatures.Signed s = signatures.signAndConfirm(Signatures.in("K1A 0A6", "en"));
        assertEquals("35079", fedCode(s.id()));
        String letter = letterPage(s, 200);
        assertTrue(letter.contains("best guess from the first three characters of your postal code"), letter);
        assertTrue(letter.contains("Not your riding?"), letter);
        assertTrue(letter.contains("<option value=\"35079\" selected>Ottawa Centre"), letter);
        assertTrue(letter.contains("<option value=\"35020\">Carleton"), letter);
        assertTrue(letter.contains("class=\"mp-card\""), letter);
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("key", s.key()).formParam("fedCode", "59035")
                .when().post("/letter/" + s.id() + "/riding?lang=en").then().statusCode(409);
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("key", s.key()).formParam("fedCode", "35020")
                .when().post("/letter/" + s.id() + "/riding?lang=en").then().statusCode(303);
        assertEquals("35020", fedCode(s.id()));
        String corrected = letterPage(s, 200);
        assertTrue(!corrected.contains("best guess"), corrected);
        assertTrue(!corrected.contains("id=\"riding-form\""), corrected);
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("key", s.key()).formParam("fedCode", "35079")
                .when().post("/letter/" + s.id() + "/riding?lang=en").then().statusCode(409);
        assertEquals("35020", fedCode(s.id()));
    }

    @Test
    void theConfirmedPageShowsTheCountAndTheRidingsFiguresInFrench() {
        Signatures.Signed s = signatures.signAndConfirm(Signatures.in("K1A 0A6", "fr"));
        rollup.rollUp();
        // The page counts its own campaign's signers only: other classes leave confirmed signers in Ottawa Centre
        // in campaigns of their own (PrivacyTest's closed-long-ago).
        long inRiding = sql.count("SELECT coalesce(sum(n), 0) FROM signature_count WHERE fed_code = '35079' "
                + "AND state = 'confirmed' "
                + "AND campaign_id = (SELECT id FROM campaign WHERE slug = 'end-ice-complicity')");
        String page = given().contentType(ContentType.URLENC).formParam("key", s.key())
                .when().post("/confirm/" + s.id() + "?lang=fr").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"progress-bar\""), page);
        assertTrue(page.contains(inRiding + (inRiding > 1 ? " personnes d" : " personne d")), page);
        assertTrue(page.contains("Ottawa-Centre") || page.contains("Ottawa Centre"), page);
        assertTrue(page.matches("(?s).*\\d+ lettres? a(ont)? été envoyée.*|(?s).*lettre.*envoyée.*"), page);
        assertTrue(page.contains("Faites connaître la campagne"), page);
    }

    @Test
    void theEmbedPageIsCompactAndOpensTheNextPageOnTop() {
        given().accept("text/html").when().get(CAMPAIGN + "/embed?lang=fr").then().statusCode(200)
                .body(containsString("target=\"_top\""))
                .body(containsString("action=\"" + CAMPAIGN + "?lang=fr\""))
                .body(containsString("id=\"progress-bar\""))
                .body(not(containsString("<footer>")));
        given().when().get("/campaigns/no-such-campaign/embed").then().statusCode(404);
    }

    String lostLink(String email, int status) {
        return given().contentType(ContentType.URLENC).formParam("email", email)
                .when().post(CAMPAIGN + "/lost-link?lang=" + (status == 400 ? "fr" : "en"))
                .then().statusCode(status).contentType(containsString("text/html")).extract().asString();
    }

    String letterPage(Signatures.Signed s, int status) {
        return given().when().get("/letter/" + s.id() + "?key=" + s.key() + "&lang=en")
                .then().statusCode(status).extract().asString();
    }

    long mails(UUID id) {
        return sql.count("SELECT count(*) FROM confirmation_mail WHERE signature_id = ?", id);
    }

    String fedCode(UUID id) {
        return (String) sql.rows("SELECT fed_code FROM signature WHERE id = ?", id).get(0).get("fed_code");
    }
}
