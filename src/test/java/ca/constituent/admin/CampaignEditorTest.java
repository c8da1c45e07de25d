package ca.constituent.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.signature.SignerKeys;
import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signatures;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Organisers run campaigns without code: the campaign and its letters edited, a closed campaign refusing all. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class CampaignEditorTest {

    @Inject
    Organisers organisers;

    @Inject
    Sql sql;

    @Inject
    SignerKeys keys;

    Organisers.Session admin;
    String slug;

    @BeforeEach
    void newCampaign() {
        admin = organisers.signIn(Role.ADMIN);
        slug = "test-" + UUID.randomUUID().toString().substring(0, 8);
        admin.write().contentType(ContentType.JSON).body(campaign(slug, "open", null))
                .when().post("/api/admin/campaigns").then().statusCode(201).body("slug", equalTo(slug))
                .body("asks.size()", equalTo(2));
    }

    static Map<String, Object> campaign(String slug, String status, OffsetDateTime closesAt) {
        Map<String, Object> body = new HashMap<>(Map.of("slug", slug, "titleEn", "Fund transit",
                "titleFr", "Financer le transport collectif", "summaryEn", "Buses for all.",
                "summaryFr", "Des autobus pour tout le monde.", "goal", 1000, "status", status,
                "asks", List.of(Map.of("en", "Fund buses.", "fr", "Financer les autobus."),
                        Map.of("en", "Fund trains.", "fr", "Financer les trains."))));
        if (closesAt != null) {
            body.put("closesAt", closesAt.toString());
        }
        return body;
    }

    private io.restassured.response.Response putLetter(String language, String subjects, String body,
                                                       String acceptLanguage) {
        return admin.write().contentType(ContentType.JSON).header("Accept-Language", acceptLanguage)
                .body(Map.of("subjects", subjects, "body", body))
                .when().put("/api/admin/campaigns/" + slug + "/letter-templates/" + language);
    }

    @Test
    void aTemplateThatDoesNotRenderIsRefusedWithItsErrorAndNothingIsSaved() {
        putLetter("en", "Fund transit", "Dear {mp.name},\nFrom {signer.fullName}", "en").then().statusCode(204);
        putLetter("en", "Fund transit", "Dear {mp.name},\n{#if signer.personalNote}{signer.personalNote}", "en")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-letter-template"))
                .body("errors[0].field", equalTo("body"))
                .body("detail", equalTo("It does not render: line 2: {#if signer.personalNote}{signer.personalNote}"));
        // A syntax error in French: the line Qute stopped at, not Qute's English sentence.
        putLetter("fr", "Transport", "Bonjour {mp.name},\r\n\r\n  {#for ask in campaign.asks}{ask}{/if}\n", "fr")
                .then().statusCode(400).body("errors[0].message", containsString("syntaxe du modèle"))
                .body("detail", equalTo("Il ne peut pas être rendu : ligne 3 : {#for ask in campaign.asks}{ask}{/if}"))
                .body("detail", not(containsString("Parser error")));
        putLetter("en", "Fund transit", "Dear {mp.nickname},", "fr")
                .then().statusCode(400).body("title", equalTo("Le modèle de lettre n'a pas été enregistré"))
                .body("errors[0].message", containsString("espace réservé qui n'existe pas"))
                // The expression it failed on, not Qute's English sentence with a Java class name in it.
                .body("detail", endsWith("Il ne peut pas être rendu : {mp.nickname}"))
                .body("detail", not(containsString("ca.constituent")));
        putLetter("en", "Fund transit", "{#if signer.personalNote}{signer.mood}{/if}", "en")
                .then().statusCode(400).body("detail", containsString("mood"));
        putLetter("en", "Fund transit", "Hello {stranger}", "en").then().statusCode(400);
        putLetter("en", "", "Hello {mp.name}", "en").then().statusCode(400).body("errors[0].field",
                equalTo("subjects"));
        admin.write().contentType(ContentType.JSON).body(Map.of("subjects", "S", "body", "{mp.nickname}"))
                .when().post("/api/admin/campaigns/" + slug + "/letter-templates/en/preview?fedCode=12006")
                .then().statusCode(400);
        assertEquals("Dear {mp.name},\nFrom {signer.fullName}", sql.rows("SELECT body FROM letter_template t "
                + "JOIN campaign c ON c.id = t.campaign_id WHERE c.slug = ? AND language = 'en'", slug).get(0)
                .get("body"), "the last template that rendered stays");
        organisers.signIn(Role.VIEWER).write().contentType(ContentType.JSON)
                .body(Map.of("subjects", "S", "body", "Hi")).when()
                .put("/api/admin/campaigns/" + slug + "/letter-templates/en").then().statusCode(403);
    }

    @Test
    void aSavedTemplateIsPreviewedForARidingAndUsedByTheNextLetterAtOnce() {
        admin.request().when().get("/api/admin/campaigns/" + slug + "/letter-templates/fr").then().statusCode(200)
                .body("placeholders", org.hamcrest.Matchers.hasItem("signer.fullName"));
        admin.write().contentType(ContentType.JSON)
                .body(Map.of("subjects", "Transport", "body", "Bonjour {mp.name} ({mp.party}), {riding.name}."))
                .when().post("/api/admin/campaigns/" + slug + "/letter-templates/fr/preview?fedCode=12006")
                .then().statusCode(200).body("subjects", equalTo("Transport"))
                .body("body", equalTo("Bonjour Shannon Miedema (Parti libéral), Halifax.\n"));
        String sample = admin.write().contentType(ContentType.JSON)
                .body(Map.of("subjects", "S", "body", "{signer.postalCode}"))
                .when().post("/api/admin/campaigns/" + slug + "/letter-templates/en/preview?fedCode=12006")
                .then().statusCode(200).extract().path("body");
        List<String> ridings = io.restassured.RestAssured.given().queryParam("postalCode", sample.strip())
                .when().get("/api/ridings/lookup").then().statusCode(200).extract().jsonPath()
                .getList("candidates.fedCode");
        assertTrue(ridings.contains("12006"), "the sample signer's postal code " + sample + " is in the riding");
        putLetter("fr", "Transport", "Bonjour {mp.name}, version 1.", "fr").then().statusCode(204);
        Map<String, Object> form = Map.of("firstName", "Léa", "lastName", "Roy", "postalCode", "B3H 1A1",
                "language", "fr");
        assertTrue(previewed(form).contains("version 1."));
        putLetter("fr", "Transport", "Bonjour {mp.name}, version 2.", "fr").then().statusCode(204);
        assertTrue(previewed(form).contains("Bonjour Shannon Miedema, version 2."), "the cache was emptied");
        assertEquals(2, sql.count("SELECT count(*) FROM admin_audit WHERE action = 'letter-template-save' "
                + "AND target = ?", "campaign:" + slug + ":fr"));
    }

    private String previewed(Map<String, Object> form) {
        return given().contentType(ContentType.JSON).body(form)
                .when().post("/api/campaigns/" + slug + "/letter-preview").then().statusCode(200)
                .extract().path("body");
    }

    @Test
    void aClosedCampaignTakesNoSignatureConfirmationOrLetterAndSaysSoInTheSignersLanguage() {
        putLetter("fr", "Transport", "Bonjour {mp.name}", "fr").then().statusCode(204);
        putLetter("en", "Transit", "Dear {mp.name}", "en").then().statusCode(204);
        Map<String, Object> signer = new HashMap<>(Signatures.in("B3H 1A1", "fr"));
        given().contentType(ContentType.JSON).body(signer).when().post("/api/campaigns/" + slug + "/signatures")
                .then().statusCode(202);
        UUID id = (UUID) sql.rows("SELECT id FROM signature WHERE email = ?", signer.get("email")).get(0).get("id");

        admin.write().contentType(ContentType.JSON).body(campaign(slug, "open", OffsetDateTime.now().minusMinutes(1)))
                .when().put("/api/admin/campaigns/" + slug).then().statusCode(200);
        Map<String, Object> late = new HashMap<>(Signatures.in("B3H 1A1", "fr"));
        given().contentType(ContentType.JSON).body(late).when().post("/api/campaigns/" + slug + "/signatures")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/campaign-closed")).body("title", equalTo("Campagne terminée"));
        late.put("language", "en");
        given().contentType(ContentType.JSON).body(late).when().post("/api/campaigns/" + slug + "/signatures")
                .then().statusCode(409).body("detail", containsString("no longer takes signatures, confirmations"));
        given().accept("text/html").contentType(ContentType.URLENC).formParams(Map.of("firstName", "Léa",
                        "lastName", "Roy", "email", "lea.roy@example.org", "postalCode", "B3H 1A1", "language", "fr"))
                .when().post("/campaigns/" + slug)
                .then().statusCode(409).contentType(containsString("text/html"))
                .body(containsString("Campagne terminée"));
        given().contentType(ContentType.JSON).body(Map.of("key", keys.keyFor(id)))
                .when().post("/api/signatures/" + id + "/confirmation")
                .then().statusCode(409).body("type", equalTo("/problems/campaign-closed"));
        given().contentType(ContentType.URLENC).formParam("key", keys.keyFor(id))
                .when().post("/confirm/" + id + "?lang=fr").then().statusCode(409)
                .body(containsString("Campagne terminée"));
        sql.update("UPDATE signature SET state = 'confirmed', confirmed_at = now() WHERE id = ?", id);
        given().header("X-Signer-Key", keys.keyFor(id)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/signatures/" + id + "/mp-email/send")
                .then().statusCode(409).body("title", equalTo("Campagne terminée"));
        assertEquals(0, sql.count("SELECT count(*) FROM mp_email WHERE signature_id = ?", id));
        given().when().get("/campaigns/" + slug + "?lang=fr").then().statusCode(200)
                .body(containsString("id=\"closed\""));
    }

    @Test
    void aDraftIsHiddenAndTheEditorPagesWorkInBothLanguages() {
        String draft = "draft-" + UUID.randomUUID().toString().substring(0, 8);
        admin.write().contentType(ContentType.JSON).body(campaign(draft, "draft", null))
                .when().post("/api/admin/campaigns").then().statusCode(201);
        given().when().get("/api/campaigns/" + draft).then().statusCode(404);
        admin.write().contentType(ContentType.JSON).body(campaign(draft, "draft", null))
                .when().post("/api/admin/campaigns").then().statusCode(409)
                .body("type", equalTo("/problems/campaign-slug-taken"));
        admin.write().contentType(ContentType.JSON).header("Accept-Language", "fr")
                .body(Map.of("slug", "Bad Slug", "goal", 0)).when().post("/api/admin/campaigns")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("slug", "titleEn",
                        "goal", "asks")).body("errors.find { it.field == 'goal' }.message",
                        containsString("nombre entier"));

        admin.request().when().get("/admin/campaigns?lang=fr").then().statusCode(200)
                .body(containsString("Nouvelle campagne")).body(containsString(draft));
        admin.write().formParam("csrf", admin.csrf()).formParam("newSlug", "x y").formParam("goal", "0")
                .when().post("/admin/campaigns/new/edit?lang=fr").then().statusCode(400)
                .body(containsString("Rien n&#39;a été enregistré"));
        String location = admin.write().formParam("csrf", admin.csrf()).formParam("newSlug", draft + "-page")
                .formParam("titleEn", "T").formParam("titleFr", "T fr").formParam("summaryEn", "S")
                .formParam("summaryFr", "S fr").formParam("asksEn", "One\nTwo").formParam("asksFr", "Un\nDeux")
                .formParam("goal", "50").formParam("status", "draft").formParam("closesAt", "2030-01-01T12:00")
                .when().post("/admin/campaigns/new/edit?lang=en").then().statusCode(303).extract()
                .header("Location");
        assertTrue(location.endsWith("/admin/campaigns/" + draft + "-page/edit?saved=1&lang=en"), location);
        admin.request().when().get("/admin/campaigns/" + draft + "-page/edit?lang=en").then().statusCode(200)
                .body(containsString("2030-01-01T12:00")).body(containsString("Two</textarea>"));
        admin.request().when().get("/admin/campaigns/" + slug + "/letters/fr?lang=fr").then().statusCode(200)
                .body(containsString("Espaces réservés")).body(containsString("&#123;signer.fullName&#125;"));
        admin.write().formParam("csrf", admin.csrf()).formParam("subjects", "S").formParam("body", "{mp.nickname}")
                .formParam("fedCode", "12006").formParam("action", "save")
                .when().post("/admin/campaigns/" + slug + "/letters/fr?lang=fr").then().statusCode(400)
                .body(containsString("Il ne peut pas être rendu")).body(not(containsString("id=\"saved\"")));
        admin.write().formParam("csrf", admin.csrf()).formParam("subjects", "S").formParam("body", "Bonjour {mp.name}")
                .formParam("fedCode", "12006").formParam("action", "preview")
                .when().post("/admin/campaigns/" + slug + "/letters/fr?lang=en").then().statusCode(200)
                .body(containsString("Bonjour Shannon Miedema"));
    }
}
