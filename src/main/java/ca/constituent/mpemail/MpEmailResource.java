package ca.constituent.mpemail;

import ca.constituent.common.Ids;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code /api/signatures/{id}/mp-email}: the signer's letter to their MP. Every call needs the signer key from the
 * confirmation mail's link, as {@code X-Signer-Key} or {@code ?key=}; without it the answer is 404, as for an id
 * that does not exist.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MP email")
class MpEmailResource {

    private final MpEmailService letters;

    MpEmailResource(MpEmailService letters) {
        this.letters = letters;
    }

    @GET
    @Path("api/signatures/{id}/mp-email")
    @Operation(summary = "Preview the signer's letter to their MP",
            description = "The drafted letter (status draft, with blockedBy saying what stands in the way of "
                    + "sending), or the queued letter with its delivery status.")
    @APIResponse(responseCode = "404", description = "Unknown id or wrong key (indistinguishable)")
    public MpEmailView preview(String id,
                               @Parameter(description = "Signer key") @HeaderParam("X-Signer-Key") String header,
                               @Parameter(description = "Signer key") @RestQuery String key) {
        return letters.preview(Ids.parseUuid(id), header != null ? header : key);
    }

    @POST
    @Path("api/signatures/{id}/mp-email/send")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue the signer's letter to their MP, with the signer's edits",
            description = "At most one letter per signature: repeating the call answers with the queued letter. "
                    + "409 when the signature is not confirmed, its riding is unknown, the seat is vacant or the "
                    + "MP has no known address.")
    @APIResponse(responseCode = "202", description = "Queued (or already queued or sent)")
    public Response send(String id, @HeaderParam("X-Signer-Key") String header, @RestQuery String key,
                         MpEmailRequests.Send edits) {
        return Response.accepted(letters.send(Ids.parseUuid(id), header != null ? header : key, edits)).build();
    }

}
