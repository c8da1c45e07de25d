package ca.constituent.riding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PostalCodeImportTest {

    @Inject
    RidingDatasets datasets;

    @AfterEach
    void removeTheImportedTable() {
        datasets.clearPostalCodes();
    }

    private static Path file(String name) throws URISyntaxException {
        return Path.of(PostalCodeImportTest.class.getResource("/ridings/" + name).toURI());
    }

    private static ValidatableResponse lookUp(String postalCode) {
        return given().queryParam("postalCode", postalCode).when().get("/api/ridings/lookup").then();
    }

    @Test
    void importedPostalCodeTableAnswersFirstAndNormalisesItsCodes() throws Exception {
        assertEquals(4, datasets.importPostalCodes(file("postal-codes-sample.csv"), Optional.of("sample-2026")));
        lookUp("K1A 0A6").statusCode(200)
                .body("source", equalTo("postal-code-table"))
                .body("ambiguous", equalTo(false))
                .body("candidates.fedCode", equalTo(List.of("35079")))
                .body("candidates[0].share", nullValue());
        lookUp("M5V3L9").statusCode(200)
                .body("source", equalTo("postal-code-table"))
                .body("candidates.fedCode", equalTo(List.of("35100")));
    }

    @Test
    void postalCodeWithTwoRowsIsAmbiguousWithTheLargerShareFirst() throws Exception {
        datasets.importPostalCodes(file("postal-codes-sample.csv"), Optional.empty());
        lookUp("V6B 1A1").statusCode(200)
                .body("source", equalTo("postal-code-table"))
                .body("ambiguous", equalTo(true))
                .body("candidates.fedCode", equalTo(List.of("59035", "59036")))
                .body("candidates[0].share", equalTo(0.8f));
    }

    @Test
    void postalCodeMissingFromTheTableFallsBackToItsFsa() throws Exception {
        datasets.importPostalCodes(file("postal-codes-sample.csv"), Optional.empty());
        lookUp("V6B 2A2").statusCode(200).body("source", equalTo("fsa")).body("ambiguous", equalTo(true));
    }

    @Test
    void tableWithWrongRowsIsRefusedWholeNamingTheLinesAndChangesNothing() throws Exception {
        datasets.importPostalCodes(file("postal-codes-sample.csv"), Optional.empty());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> datasets.importPostalCodes(file("postal-codes-with-errors.csv"), Optional.empty()));
        String message = refused.getMessage();
        assertTrue(message.contains("line 3: the riding is not in the postal code's province"), message);
        assertTrue(message.contains("line 4: fed_code is not a known riding"), message);
        assertTrue(message.contains("line 5: not a postal code"), message);
        assertTrue(message.contains("line 6: share must be above 0 and at most 1"), message);
        lookUp("V6B 1A1").statusCode(200).body("source", equalTo("postal-code-table"));
    }
}
