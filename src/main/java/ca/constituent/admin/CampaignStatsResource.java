package ca.constituent.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/admin/campaigns/…}: the overview's numbers and timeline as JSON. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
class CampaignStatsResource {

    private final CampaignStats stats;

    CampaignStatsResource(CampaignStats stats) {
        this.stats = stats;
    }

    @GET
    @Path("campaigns")
    @Operation(summary = "Every campaign's counts and letters, drafts included")
    public List<CampaignOverview> campaigns() {
        return stats.overviews();
    }

    @GET
    @Path("campaigns/{slug}/overview")
    @Operation(summary = "A campaign's counts, confirmation rate, goal progress and letters by status")
    public CampaignOverview overview(String slug) {
        return stats.overview(slug);
    }

    @GET
    @Path("campaigns/{slug}/timeline")
    @Operation(summary = "Signatures per hour for the last 48 hours and per day since launch, from the hourly roll-up")
    public Timeline timeline(String slug) {
        return stats.timeline(slug);
    }
}
