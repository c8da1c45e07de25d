package ca.constituent.abuse;

import ca.constituent.common.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.altcha.altcha.Altcha;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/proof-of-work/challenge}: an ALTCHA challenge for the form's widget or a script to solve. */
@Path("/api/proof-of-work/challenge")
@Tag(name = "Signatures")
class ProofOfWorkResource {

    private final ProofOfWork proofOfWork;

    ProofOfWorkResource(ProofOfWork proofOfWork) {
        this.proofOfWork = proofOfWork;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A proof-of-work challenge (ALTCHA)",
            description = "When proof of work is on, a signature must carry a solved challenge: the form field "
                    + "'altcha', or for JSON the 'Altcha' header, holding the base64 ALTCHA payload. Each challenge "
                    + "counts once and expires. 404 when proof of work is off.")
    public Response challenge() {
        if (!proofOfWork.enabled()) {
            throw ProblemException.notFound("not-found");
        }
        Altcha.Challenge c = proofOfWork.challenge();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(Map.of("algorithm", c.algorithm, "challenge", c.challenge, "maxnumber", c.maxnumber,
                "salt", c.salt, "signature", c.signature)).cacheControl(noStore).build();
    }
}
