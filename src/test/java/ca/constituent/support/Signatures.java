package ca.constituent.support;

import static io.restassured.RestAssured.given;

import ca.constituent.signature.SignerKeys;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** Signatures made through the API, for tests of what comes after signing. */
@ApplicationScoped
public class Signatures {

    /** A stored signature, its signer key and the address it was signed with. */
    public record Signed(UUID id, String key, String email) {
    }

    private final Sql sql;
    private final SignerKeys keys;

    Signatures(Sql sql, SignerKeys keys) {
        this.sql = sql;
        this.keys = keys;
    }

    public Signed sign(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/campaigns/end-ice-complicity/signatures").then().statusCode(202);
        UUID id = (UUID) sql.rows("SELECT id FROM signature WHERE email = ?", body.get("email")).get(0).get("id");
        return new Signed(id, keys.keyFor(id), (String) body.get("email"));
    }

    public Signed signAndConfirm(Map<String, Object> body) {
        Signed signed = sign(body);
        sql.update("UPDATE signature SET state = 'confirmed', confirmed_at = now() WHERE id = ?", signed.id());
        return signed;
    }

    public static Map<String, Object> in(String postalCode, String language) {
        Map<String, Object> body = Signer.valid();
        body.put("postalCode", postalCode);
        body.put("language", language);
        return body;
    }
}
