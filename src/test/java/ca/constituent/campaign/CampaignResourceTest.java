package ca.constituent.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import ca.constituent.support.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class CampaignResourceTest {

    @Test
    void seededCampaignIsListedWithItsAsksInBothLanguages() {
        given().when().get("/api/campaigns")
                .then().statusCode(200)
                .body("slug", hasItem("end-ice-complicity"));
        given().when().get("/api/campaigns/end-ice-complicity")
                .then().statusCode(200)
                .body("title.en", equalTo("End Canada's complicity with ICE"))
                .body("title.fr", containsString("complicité"))
                .body("asks", hasSize(5))
                .body("asks[1].en", containsString("Roshel"))
                .body("asks[3].fr", containsString("C-233"))
                .body("asks[4].en", containsString("Article 10"))
                .body("goal", equalTo(50000));
    }

    @Test
    void unknownCampaignIsANotFoundProblemInTheRequestedLanguage() {
        given().header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5")
                .when().get("/api/campaigns/no-such-campaign")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/campaign-not-found"))
                .body("title", equalTo("Campagne introuvable"))
                .body("status", equalTo(404));
    }
}
