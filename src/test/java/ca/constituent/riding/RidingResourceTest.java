package ca.constituent.riding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import ca.constituent.support.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class RidingResourceTest {

    @Test
    void listsAll343RidingsWithNamesProvinceAndMp() {
        given().when().get("/api/ridings")
                .then().statusCode(200)
                .body("$", hasSize(343))
                .body("fedCode", hasItem("35079"))
                .body("find { it.fedCode == '24073' }.nameFr", equalTo("Terrebonne"))
                .body("find { it.fedCode == '35079' }.mp.name", not(nullValue()))
                .body("find { it.fedCode == '35079' }.vacant", equalTo(false));
    }

    @Test
    void oneRidingHasBothNamesAndItsMp() {
        given().when().get("/api/ridings/62001")
                .then().statusCode(200)
                .body("fedCode", equalTo("62001"))
                .body("nameEn", equalTo("Nunavut"))
                .body("nameFr", equalTo("Nunavut"))
                .body("province", equalTo("NU"))
                .body("mp.name", equalTo("Lori Idlout"))
                .body("mp.email", equalTo("lori.idlout@parl.gc.ca"))
                .body("mp.photoUrl", startsWith("https://www.ourcommons.ca/"));
    }

    @Test
    void mpWithoutAKnownEmailHasNullEmailAndNoStalePhoto() {
        given().when().get("/api/ridings/35112")
                .then().statusCode(200)
                .body("mp.name", equalTo("Danielle Martin"))
                .body("mp.email", nullValue())
                .body("mp.photoUrl", nullValue());
    }

    @Test
    void unknownRidingIsANotFoundProblem() {
        given().when().get("/api/ridings/99999")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/riding-not-found"));
    }

    @Test
    void lookupNormalisesThePostalCodeAndAnswersFromTheFsa() {
        given().queryParam("postalCode", " k1a-0a6 ").when().get("/api/ridings/lookup")
                .then().statusCode(200)
                .body("postalCode", equalTo("K1A 0A6"))
                .body("fsa", equalTo("K1A"))
                .body("source", equalTo("fsa"))
                .body("ambiguous", equalTo(false))
                .body("candidates", hasSize(1))
                .body("candidates[0].fedCode", equalTo("35079"))
                .body("candidates[0].nameEn", equalTo("Ottawa Centre"))
                .body("candidates[0].province", equalTo("ON"))
                .body("candidates[0].mp.name", not(nullValue()));
    }

    @Test
    void fsaSpanningTwoRidingsIsAmbiguousWithCandidatesByShare() {
        given().queryParam("postalCode", "V6B 1A1").when().get("/api/ridings/lookup")
                .then().statusCode(200)
                .body("ambiguous", equalTo(true))
                .body("candidates", hasSize(2))
                .body("candidates[0].nameEn", equalTo("Vancouver Centre"))
                .body("candidates[0].share", both(greaterThan(0.6f)).and(lessThan(0.75f)))
                .body("candidates[1].nameEn", equalTo("Vancouver East"));
    }

    @Test
    void sliversUnderOnePercentAreNotOffered() {
        // A0A touches Cape Spear with 0.26 % of its area.
        given().queryParam("postalCode", "A0A 1A0").when().get("/api/ridings/lookup")
                .then().statusCode(200)
                .body("candidates.fedCode", not(hasItem("10002")))
                .body("candidates.share", everyItem(greaterThan(0.01f)));
    }

    @Test
    void candidatesOutsideThePostalCodesProvinceAreDropped() {
        // X0E (Northwest Territories) overlaps Yukon by 0.2 % and X0A (Nunavut) the NWT: neither may be offered.
        given().queryParam("postalCode", "X0E 0A0").when().get("/api/ridings/lookup")
                .then().statusCode(200)
                .body("candidates.province", everyItem(equalTo("NT")))
                .body("ambiguous", equalTo(false));
        given().queryParam("postalCode", "X0A 0H0").when().get("/api/ridings/lookup")
                .then().statusCode(200)
                .body("candidates.fedCode", equalTo(java.util.List.of("62001")));
    }

    @Test
    void invalidPostalCodeIsABadRequestWithTheFieldInTheRequestedLanguage() {
        given().queryParam("postalCode", "12345").queryParam("lang", "fr").when().get("/api/ridings/lookup")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-request"))
                .body("errors[0].field", equalTo("postalCode"))
                .body("errors[0].message", containsString("code postal canadien"));
        given().when().get("/api/ridings/lookup")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("postalCode"))
                .body("errors[0].message", equalTo("This field is required."));
    }

    @Test
    void postalCodeOfAnUnknownFsaIsANotFoundProblem() {
        // Z is never a first letter, W neither; K0Z is well-formed but does not exist.
        given().queryParam("postalCode", "K0Z 1A0").when().get("/api/ridings/lookup")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unknown-postal-code"))
                .body("detail", containsString("K0Z"));
    }

    @Test
    void parliamentHillIsInOttawaCentre() {
        given().queryParam("lat", "45.4236").queryParam("lon", "-75.7009").when().get("/api/ridings/locate")
                .then().statusCode(200)
                .body("nearest", equalTo(false))
                .body("distanceMetres", equalTo(0))
                .body("riding.fedCode", equalTo("35079"))
                .body("riding.nameEn", equalTo("Ottawa Centre"));
    }

    @Test
    void iqaluitIsInNunavut() {
        given().queryParam("lat", "63.7467").queryParam("lon", "-68.5170").when().get("/api/ridings/locate")
                .then().statusCode(200)
                .body("riding.fedCode", equalTo("62001"));
    }

    @Test
    void pointJustOffshoreGetsTheNearestRidingFlaggedNearest() {
        // Lake Ontario, about a kilometre off the Toronto Islands: in no riding polygon.
        given().queryParam("lat", "43.60").queryParam("lon", "-79.38").when().get("/api/ridings/locate")
                .then().statusCode(200)
                .body("nearest", equalTo(true))
                .body("distanceMetres", both(greaterThan(0)).and(lessThanOrEqualTo(5000)))
                .body("riding.fedCode", equalTo("35100"));
    }

    @Test
    void pointOutsideCanadaIsANotFoundProblem() {
        given().queryParam("lat", "48.8566").queryParam("lon", "2.3522").when().get("/api/ridings/locate")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/point-outside-canada"));
    }

    @Test
    void badCoordinatesAreABadRequestNamingEachField() {
        given().queryParam("lat", "north").queryParam("lon", "-200").when().get("/api/ridings/locate")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("lat", "lon")));
    }
}
