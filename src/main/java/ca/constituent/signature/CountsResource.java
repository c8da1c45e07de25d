package ca.constituent.signature;

import ca.constituent.campaign.Campaign;
import ca.constituent.common.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    private final EntityManager em;

    CountsResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @Path("{slug}/counts")
    @Operation(summary = "Confirmed signatures, by province and by riding",
            description = "Counts are rolled up every few seconds, so they may lag behind intake by that much. "
                    + "Only confirmed signatures are public: a pending count would tell, at a quiet hour, "
                    + "whether a given address had just signed.")
    public Response counts(String slug) {
        Campaign campaign = Campaign.findBySlug(slug)
                .filter(c -> !Campaign.DRAFT.equals(c.status))
                .orElseThrow(() -> ProblemException.notFound("campaign-not-found"));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT state, province, fed_code, n FROM signature_count WHERE campaign_id = ?1 AND n <> 0"
                                + " AND state = 'confirmed'")
                .setParameter(1, campaign.id)
                .getResultList();
        long confirmed = 0;
        Map<String, Long> byProvince = new TreeMap<>();
        Map<String, Long> byRiding = new TreeMap<>();
        for (Object[] row : rows) {
            String state = (String) row[0];
            long n = ((Number) row[3]).longValue();
            if (Signature.CONFIRMED.equals(state)) {
                confirmed += n;
                byProvince.merge((String) row[1], n, Long::sum);
                byRiding.merge((String) row[2], n, Long::sum);
            }
        }
        List<?> rolledUp = em.createNativeQuery(
                        "SELECT rolled_up_at FROM signature_count_rollup WHERE campaign_id = ?1", OffsetDateTime.class)
                .setParameter(1, campaign.id)
                .getResultList();
        OffsetDateTime updatedAt = rolledUp.isEmpty() ? null : (OffsetDateTime) rolledUp.get(0);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(2);
        return Response.ok(new SignatureCounts(confirmed, byProvince, byRiding, campaign.goal, updatedAt))
                .cacheControl(cache)
                .build();
    }
}
