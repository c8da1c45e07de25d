package ca.constituent.signature;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signatures;
import ca.constituent.support.Signer;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A database that refuses writes makes requests answer 503 problem+json with Retry-After, in the signer's language,
 * and the service recovers by itself. The refusal is a trigger raising the SQL state PostgreSQL gives when its disk is
 * full (53100) or when it is shutting down (57P01), so the shared test database keeps running; bench/faults-*.sh
 * stop, restart and fill a real server.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class DatabaseUnavailableTest {

    @Inject
    Sql sql;

    @Inject
    Signatures signatures;

    void refuse(String table, String operation, String sqlState) {
        sql.update("CREATE OR REPLACE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "RAISE EXCEPTION 'refused by test' USING ERRCODE = '" + sqlState + "'; END $$");
        sql.update("CREATE TRIGGER test_refuse BEFORE " + operation + " ON " + table
                + " FOR EACH ROW EXECUTE FUNCTION test_refuse()");
    }

    void accept(String table) {
        sql.update("DROP TRIGGER IF EXISTS test_refuse ON " + table);
    }

    @Test
    void intakeOnAFullDiskAnswers503WithRetryAfterInTheSignersLanguageThenRecovers() {
        Map<String, Object> body = Signer.with("language", "fr");
        refuse("signature", "INSERT", "53100");
        try {
            given().contentType(ContentType.JSON).header("Accept-Language", "en").body(body)
                    .when().post(SignatureResourceTest.SIGNATURES)
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .header("Content-Language", "fr")
                    .body("type", equalTo("/problems/unavailable"))
                    .body("title", equalTo("Service momentanément indisponible"))
                    .body("status", equalTo(503));
        } finally {
            accept("signature");
        }
        assertEquals(0, sql.count("SELECT count(*) FROM signature WHERE email = ?", body.get("email")));
        given().contentType(ContentType.JSON).body(body)
                .when().post(SignatureResourceTest.SIGNATURES).then().statusCode(202);
        assertEquals(1, sql.count("SELECT count(*) FROM signature WHERE email = ?", body.get("email")));
    }

    @Test
    void confirmingWhileTheServerShutsDownAnswers503ThenWorks() {
        Signatures.Signed signed = signatures.sign(Signer.valid());
        refuse("signature", "UPDATE", "57P01");
        try {
            given().contentType(ContentType.JSON).header("Accept-Language", "en")
                    .body(Map.of("key", signed.key()))
                    .when().post("/api/signatures/" + signed.id() + "/confirmation")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("/problems/unavailable"))
                    .body("title", equalTo("Temporarily unavailable"));
        } finally {
            accept("signature");
        }
        assertEquals("pending", sql.rows("SELECT state FROM signature WHERE id = ?", signed.id()).get(0)
                .get("state"));
        given().contentType(ContentType.JSON).body(Map.of("key", signed.key()))
                .when().post("/api/signatures/" + signed.id() + "/confirmation").then().statusCode(200);
    }
}
