package ca.constituent.mpemail;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.riding.Mp;
import ca.constituent.riding.MpChanges;
import ca.constituent.support.PostgresResource;
import ca.constituent.support.ScriptedSmtpServer;
import ca.constituent.support.Signatures;
import ca.constituent.support.Signatures.Signed;
import ca.constituent.support.SmtpPort;
import ca.constituent.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Over real SMTP: queued letters whose riding's MP changed reach the new MP, never the former one, and none leaves
 * while the seat is vacant. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class LetterReaddressingSmtpTest {

    static final String HALIFAX = "12006";

    @Inject
    Signatures signatures;

    @Inject
    Sql sql;

    @Inject
    MpEmailOutbox outbox;

    @Inject
    MpChanges changes;

    @Test
    void queuedLettersWhoseMpChangedGoToTheNewMpAndNoneWhileTheSeatIsVacant() throws Exception {
        sql.update("DELETE FROM mp_email");
        Signed readdressed = queue();
        Signed second = queue();
        assertEquals(2, sql.count("SELECT count(*) FROM mp_email WHERE to_email = 'shannon.miedema@parl.gc.ca'"));
        changes.edit(HALIFAX, new Mp("Alex By-Election", "NDP", "alex.byelection@parl.gc.ca", null));
        try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting(SmtpPort.PORT)) {
            changes.edit(HALIFAX, null);
            assertEquals(0, outbox.deliverDue(), "a vacant seat: nothing leaves");
            assertEquals(0, server.received());

            changes.edit(HALIFAX, new Mp("Alex By-Election", "NDP", "alex.byelection@parl.gc.ca", null));
            assertEquals(2, outbox.deliverDue());
            assertEquals(2, server.received());
            for (String message : server.messages()) {
                assertTrue(message.contains("To: Alex By-Election <alex.byelection@parl.gc.ca>")
                        || message.contains("alex.byelection@parl.gc.ca"), message);
                assertFalse(message.contains("shannon.miedema@parl.gc.ca"), "never to the former MP");
                assertFalse(message.contains("Shannon Miedema"), "not even named");
            }
        } finally {
            changes.edit(HALIFAX, new Mp("Shannon Miedema", "Liberal", "shannon.miedema@parl.gc.ca", null));
        }
        for (Signed s : new Signed[] {readdressed, second}) {
            assertEquals("sent", sql.rows("SELECT status FROM mp_email WHERE signature_id = ?", s.id()).get(0)
                    .get("status"));
        }
    }

    private Signed queue() {
        Signed s = signatures.signAndConfirm(Signatures.in("B3H 1A1", "en"));
        given().header("X-Signer-Key", s.key()).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/signatures/" + s.id() + "/mp-email/send").then().statusCode(202);
        return s;
    }
}
