package ca.constituent.signature;

import ca.constituent.campaign.Campaign;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/campaigns/{slug}/counts}: reads only the rolled-up table, at most a few rows per riding, so its
 * cost does not grow with the number of signatures.
 */
@Path("/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signatures")
class CountsResource {

    private final CountQueries queries;

    CountsResource(CountQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("{slug}/counts")
    @Operation(summary = "Confirmed signatures, by province and by riding",
            description = "Counts are rolled up every few seconds, so they may lag behind intake by that much. "
                    + "Only confirmed signatures are public: a pending count would tell, at a quiet hour, "
                    + "whether a given address had just signed.")
    public Response counts(String slug) {
        Campaign campaign = Campaign.findPublic(slug);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(2);
        return Response.ok(queries.counts(campaign)).cacheControl(cache).build();
    }
}
