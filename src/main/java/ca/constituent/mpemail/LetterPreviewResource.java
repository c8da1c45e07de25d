package ca.constituent.mpemail;

import ca.constituent.common.RequestLanguage;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code POST /api/campaigns/{slug}/letter-preview}: the letter from the form's fields, nothing stored. */
@Path("/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MP email")
class LetterPreviewResource {

    private final LetterDrafts letters;

    LetterPreviewResource(LetterDrafts letters) {
        this.letters = letters;
    }

    @POST
    @Path("{slug}/letter-preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft the letter from the form's fields while the signer types; stores nothing")
    public MpEmailView preview(String slug, MpEmailRequests.Preview form, @RestQuery String lang,
                               @HeaderParam("Accept-Language") String acceptLanguage) {
        return letters.previewUnsigned(slug, form, RequestLanguage.of(lang, acceptLanguage));
    }
}
