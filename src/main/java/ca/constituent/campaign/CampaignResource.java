package ca.constituent.campaign;

import ca.constituent.common.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns")
class CampaignResource {

    @GET
    @Operation(summary = "List the public campaigns (open and closed), newest first")
    public List<CampaignView> list() {
        return Campaign.listPublic().stream().map(CampaignView::from).toList();
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "One campaign: title, summary and asks in English and French, and its signature goal")
    public CampaignView get(String slug) {
        return Campaign.findBySlug(slug)
                .filter(c -> !Campaign.DRAFT.equals(c.status))
                .map(CampaignView::from)
                .orElseThrow(() -> ProblemException.notFound("campaign-not-found"));
    }
}
