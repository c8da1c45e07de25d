package ca.constituent.signature;

import ca.constituent.common.Ids;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code PUT /api/signatures/{id}/riding}: a signer whose postal code spans several ridings says which is theirs. */
@Path("/")
@Tag(name = "Signatures")
class RidingChoiceResource {

    private final SignatureService signatures;

    RidingChoiceResource(SignatureService signatures) {
        this.signatures = signatures;
    }

    @PUT
    @Path("api/signatures/{id}/riding")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose the riding of a signature whose postal code spans several",
            description = "Only once, only for a signature without a riding, and only one of its postal code's "
                    + "candidates. Needs the signer key (X-Signer-Key or ?key=).")
    public RidingChoice chooseRiding(String id, @HeaderParam("X-Signer-Key") String header, @RestQuery String key,
                                     RidingChoice choice) {
        signatures.chooseRiding(Ids.parseUuid(id), header != null ? header : key, choice == null ? null
                : choice.fedCode());
        return choice;
    }

    /** The riding a signer chose. */
    record RidingChoice(String fedCode) {
    }

}
