package ca.constituent.signature;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signer;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class CountsTest {

    @Inject
    Sql sql;

    @Inject
    CountRollup rollup;

    JsonPath counts() {
        rollup.rollUp();
        return given().when().get("/api/campaigns/end-ice-complicity/counts")
                .then().statusCode(200).extract().jsonPath();
    }

    long pendingInJournal() {
        rollup.rollUp();
        return sql.count("SELECT coalesce(sum(n), 0) FROM signature_count WHERE state = 'pending'");
    }

    String sign(String postalCode, String fedCode) {
        Map<String, Object> body = Signer.valid();
        body.put("postalCode", postalCode);
        if (fedCode != null) {
            body.put("fedCode", fedCode);
        }
        given().contentType(ContentType.JSON).body(body)
                .when().post(SignatureResourceTest.SIGNATURES).then().statusCode(202);
        return (String) body.get("email");
    }

    @Test
    void countsFollowSignaturesThroughConfirmationAndInvalidation() {
        JsonPath before = counts();
        long pendingBefore = pendingInJournal();
        String ottawa = sign("K1P 1A1", "35079");
        String halifax = sign("B3H 1A1", null);
        String rural = sign("K0A 1A0", null);

        JsonPath pending = counts();
        assertEquals(pendingBefore + 3, pendingInJournal());
        assertEquals(before.getLong("confirmed"), pending.getLong("confirmed"));
        assertFalse(pending.getMap("$").containsKey("pending"), "pending signatures are not public");

        sql.update("UPDATE signature SET state = 'confirmed', confirmed_at = now() WHERE email IN (?, ?, ?)",
                ottawa, halifax, rural);
        JsonPath confirmed = counts();
        assertEquals(pendingBefore, pendingInJournal());
        assertEquals(before.getLong("confirmed") + 3, confirmed.getLong("confirmed"));
        assertEquals(count(before, "byRiding.'35079'") + 1, count(confirmed, "byRiding.'35079'"));
        assertEquals(count(before, "byRiding.'12006'") + 1, count(confirmed, "byRiding.'12006'"));
        assertEquals(count(before, "byRiding.unknown") + 1, count(confirmed, "byRiding.unknown"));
        assertEquals(count(before, "byProvince.NS") + 1, count(confirmed, "byProvince.NS"));
        assertEquals(count(before, "byProvince.ON") + 2, count(confirmed, "byProvince.ON"));

        sql.update("UPDATE signature SET state = 'invalidated' WHERE email = ?", halifax);
        JsonPath invalidated = counts();
        assertEquals(before.getLong("confirmed") + 2, invalidated.getLong("confirmed"));
        assertEquals(count(before, "byProvince.NS"), count(invalidated, "byProvince.NS"));
    }

    @Test
    void countsCarryTheGoalAndTheirAge() {
        rollup.rollUp();
        given().when().get("/api/campaigns/end-ice-complicity/counts")
                .then().statusCode(200)
                .body("goal", equalTo(50000))
                .body("updatedAt", notNullValue());
    }

    @Test
    void signingWritesNoSharedCounterRow() {
        rollup.rollUp();
        long countRows = sql.count("SELECT count(*) FROM signature_count");
        sign("K1P 1A1", "35079");
        sign("K1P 1A2", "35079");
        assertEquals(countRows, sql.count("SELECT count(*) FROM signature_count"));
        assertEquals(2, sql.count("SELECT count(*) FROM signature_count_delta"));
    }

    static long count(JsonPath json, String path) {
        Object value = json.get(path);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
