package ca.constituent.admin;

import ca.constituent.campaign.Campaign;
import ca.constituent.riding.RidingLookup;
import ca.constituent.riding.RidingView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Confirmed signatures per riding for the map and its table, from the same rolled-up table as the public counts
 * endpoint's {@code byRiding}; every riding is listed, with 0 where nobody signed.
 */
@ApplicationScoped
class RidingCounts {

    private final EntityManager em;
    private final RidingLookup ridings;
    private volatile RidingMap.Boundaries boundaries;

    RidingCounts(EntityManager em, RidingLookup ridings) {
        this.em = em;
        this.ridings = ridings;
    }

    /** Every riding by province then name, and the confirmed signatures whose riding is not known. */
    record Result(List<RidingCount> ridings, long unknown, long max) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    Result of(String slug) {
        Campaign campaign = CampaignStats.campaign(slug);
        Map<String, Long> confirmed = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                SELECT fed_code, sum(n) FROM signature_count
                WHERE campaign_id = ?1 AND state = 'confirmed' GROUP BY fed_code
                """).setParameter(1, campaign.id).getResultList()) {
            confirmed.put((String) r[0], ((Number) r[1]).longValue());
        }
        List<RidingCount> list = ridings.ridings().stream()
                .map(r -> count(r, confirmed.getOrDefault(r.fedCode(), 0L)))
                .sorted(Comparator.comparing(RidingCount::province).thenComparing(RidingCount::nameEn))
                .toList();
        long max = list.stream().mapToLong(RidingCount::confirmed).max().orElse(0);
        return new Result(list, confirmed.getOrDefault("unknown", 0L), max);
    }

    private static RidingCount count(RidingView r, long n) {
        return new RidingCount(r.fedCode(), r.nameEn(), r.nameFr(), r.province(),
                r.mp() == null ? null : r.mp().name(), r.mp() == null ? null : r.mp().party(), n);
    }

    /** The simplified boundaries, built on first use and kept (a dataset change needs a restart to show here). */
    RidingMap.Boundaries boundaries() {
        RidingMap.Boundaries b = boundaries;
        if (b == null) {
            synchronized (this) {
                if (boundaries == null) {
                    boundaries = RidingMap.build();
                }
                b = boundaries;
            }
        }
        return b;
    }
}
