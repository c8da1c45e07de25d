package ca.constituent.riding;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.constituent.support.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(RepresentWireMock.class)
class RepresentProviderTest {

    @Inject
    RepresentProvider represent;

    @BeforeEach
    void forgetEarlierAnswers() {
        represent.reset();
        RepresentWireMock.server.resetRequests();
    }

    private static ValidatableResponse lookUp(String postalCode) {
        return given().queryParam("postalCode", postalCode).when().get("/api/ridings/lookup").then();
    }

    @Test
    void representNamesTheSingleRidingOfAPostalCodeInAnAmbiguousFsa() {
        lookUp(RepresentWireMock.SINGLE_RIDING).statusCode(200)
                .body("source", equalTo("represent"))
                .body("ambiguous", equalTo(false))
                .body("candidates", hasSize(1))
                .body("candidates[0].fedCode", equalTo("59036"))
                .body("candidates[0].nameEn", equalTo("Vancouver East"))
                .body("candidates[0].share", equalTo(1.0f))
                .body("candidates[0].mp.name", equalTo("Jenny Kwan"));
    }

    @Test
    void aPostalCodeIsAskedOnceAndThenAnsweredFromTheCache() {
        lookUp(RepresentWireMock.SINGLE_RIDING).statusCode(200).body("source", equalTo("represent"));
        lookUp(RepresentWireMock.SINGLE_RIDING).statusCode(200).body("source", equalTo("represent-cache"))
                .body("candidates[0].fedCode", equalTo("59036"));
        RepresentWireMock.server.verify(1, getRequestedFor(urlPathEqualTo(
                RepresentWireMock.path(RepresentWireMock.SINGLE_RIDING))));
    }

    @Test
    void postalCodeSpanningTwoRidingsIsAmbiguousAndKeepsOnlyTheProvincesRidings() {
        lookUp(RepresentWireMock.SPANS_TWO_RIDINGS).statusCode(200)
                .body("source", equalTo("represent"))
                .body("ambiguous", equalTo(true))
                .body("candidates.fedCode", equalTo(List.of("24077", "24037")))
                .body("candidates[0].share", nullValue());
    }

    @Test
    void postalCodeRepresentDoesNotKnowFallsBackToTheFsaAndIsNotAskedAgain() {
        lookUp(RepresentWireMock.UNKNOWN).statusCode(200)
                .body("source", equalTo("fsa"))
                .body("ambiguous", equalTo(true))
                .body("candidates.fedCode", equalTo(List.of("59035", "59036")));
        lookUp(RepresentWireMock.UNKNOWN).statusCode(200).body("source", equalTo("fsa"));
        RepresentWireMock.server.verify(1, getRequestedFor(urlPathEqualTo(
                RepresentWireMock.path(RepresentWireMock.UNKNOWN))));
    }

    @Test
    void slowRepresentIsAbandonedAtTheReadTimeoutForTheFsa() {
        // Represent would answer after 30 s with its riding; an FSA answer shows the read was abandoned before that.
        lookUp(RepresentWireMock.UPSTREAM_TIMEOUT).statusCode(200)
                .body("source", equalTo("fsa"))
                .body("candidates.fedCode", equalTo(List.of("59035", "59036")));
    }

    @Test
    void unambiguousFsaIsAnsweredLocallyWithoutAskingRepresent() {
        lookUp("K1A 0B1").statusCode(200).body("source", equalTo("fsa")).body("ambiguous", equalTo(false));
        assertEquals(0, RepresentWireMock.server.getAllServeEvents().size());
    }

    @Test
    void failingRepresentOpensTheCircuitAndLookupsUseLocalDataWithoutAsking() {
        for (int i = 0; i < 4; i++) {
            lookUp(RepresentWireMock.UPSTREAM_ERROR).statusCode(200).body("source", equalTo("fsa"));
        }
        lookUp(RepresentWireMock.SINGLE_RIDING).statusCode(200).body("source", equalTo("fsa"));
        RepresentWireMock.server.verify(0, getRequestedFor(urlPathEqualTo(
                RepresentWireMock.path(RepresentWireMock.SINGLE_RIDING))));
    }

    @Test
    void beyondTheRequestBudgetLookupsUseLocalDataWithoutAsking() {
        List<String> codes = RepresentWireMock.MORE_SINGLE_RIDINGS;
        for (String postalCode : codes.subList(0, 5)) {
            lookUp(postalCode).statusCode(200).body("source", equalTo("represent"));
        }
        lookUp(codes.get(5)).statusCode(200).body("source", equalTo("fsa"));
        assertEquals(5, RepresentWireMock.server.getAllServeEvents().size());
    }
}
