package ca.constituent.signature;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ca.constituent.riding.RidingDatasets;
import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signer;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Intake stores the signer's riding, and never guesses one for an ambiguous postal code. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class SignatureRidingTest {

    @Inject
    Sql sql;

    @Inject
    RidingDatasets datasets;

    Object ridingOf(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post(SignatureResourceTest.SIGNATURES).then().statusCode(202);
        return sql.rows("SELECT fed_code FROM signature WHERE email = ?", body.get("email")).get(0).get("fed_code");
    }

    @Test
    void aPostalCodeInOneRidingGivesThatRiding() {
        assertEquals("12006", ridingOf(Signer.with("postalCode", "B3H 1A1")));
    }

    @Test
    void anAmbiguousPostalCodeWithoutAChoiceStaysWithoutARiding() {
        assertNull(ridingOf(Signer.with("postalCode", "K0A 1A0")));
    }

    @Test
    void theSignersChoiceAmongTheCandidatesIsKept() {
        Map<String, Object> body = Signer.with("postalCode", "V6B 1A1");
        body.put("fedCode", "59036");
        assertEquals("59036", ridingOf(body));
    }

    void refused(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post(SignatureResourceTest.SIGNATURES)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("fedCode"));
        assertEquals(0, sql.count("SELECT count(*) FROM signature WHERE email = ?", body.get("email")));
    }

    /** A postal code the imported table knows: its candidates are certain, so no other riding is taken. */
    @Test
    void aChoiceOutsideTheCandidatesIsRefused() throws Exception {
        datasets.importPostalCodes(Path.of(getClass().getResource("/ridings/postal-codes-sample.csv").toURI()),
                Optional.empty());
        try {
            Map<String, Object> body = Signer.with("postalCode", "K1A 0A6");
            body.put("fedCode", "35020");
            refused(body);
        } finally {
            datasets.clearPostalCodes();
        }
    }

    /** A riding guessed from the FSA may be corrected within the province (RidingChoices), never outside it. */
    @Test
    void aChoiceOutsideTheProvinceOfAnFsaGuessIsRefused() {
        Map<String, Object> body = Signer.with("postalCode", "K1P 1A1");
        body.put("fedCode", "24025");
        refused(body);
        Map<String, Object> sameProvince = Signer.with("postalCode", "K1P 1A1");
        sameProvince.put("fedCode", "35020");
        assertEquals("35020", ridingOf(sameProvince));
    }

    @Test
    void aMapPointGivesItsRiding() {
        Map<String, Object> body = Signer.with("postalCode", "K1P 1A1");
        body.put("latitude", "45.4236");
        body.put("longitude", "-75.7009");
        assertEquals("35079", ridingOf(body));
    }

    @Test
    void aMapPointInAnotherProvinceIsNotTrusted() {
        Map<String, Object> body = Signer.with("postalCode", "K0A 1A0");
        body.put("latitude", "45.4765");
        body.put("longitude", "-75.7013");
        assertNull(ridingOf(body));
    }

    @Test
    void badCoordinatesAreFieldErrors() {
        Map<String, Object> body = Signer.valid();
        body.put("latitude", "north");
        body.put("longitude", "-75.7");
        given().contentType(ContentType.JSON).body(body)
                .when().post(SignatureResourceTest.SIGNATURES)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("latitude"));
    }
}
