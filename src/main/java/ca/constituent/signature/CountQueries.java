package ca.constituent.signature;

import ca.constituent.campaign.Campaign;
import ca.constituent.campaign.CampaignCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the rolled-up counts only, confirmed signatures only (a public pending count would tell whether an address
 * had just signed), at most a few rows per riding, so the cost of a count does not grow with the
 * number of signatures.
 */
@ApplicationScoped
class CountQueries implements CampaignCounts {

    private final EntityManager em;

    CountQueries(EntityManager em) {
        this.em = em;
    }

    SignatureCounts counts(Campaign campaign) {
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
        return new SignatureCounts(confirmed, byProvince, byRiding, campaign.goal, updatedAt);
    }

    @Override
    public long confirmed(Campaign campaign) {
        Number n = (Number) em.createNativeQuery("SELECT coalesce(sum(n), 0) FROM signature_count "
                        + "WHERE campaign_id = ?1 AND state = ?2")
                .setParameter(1, campaign.id)
                .setParameter(2, Signature.CONFIRMED)
                .getSingleResult();
        return n.longValue();
    }

    /** Confirmed signatures of the campaign in one riding, as last rolled up. */
    long confirmedInRiding(long campaignId, String fedCode) {
        Number n = (Number) em.createNativeQuery("SELECT coalesce(sum(n), 0) FROM signature_count "
                        + "WHERE campaign_id = ?1 AND state = ?2 AND fed_code = ?3")
                .setParameter(1, campaignId)
                .setParameter(2, Signature.CONFIRMED)
                .setParameter(3, fedCode)
                .getSingleResult();
        return n.longValue();
    }
}
