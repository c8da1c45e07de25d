package ca.constituent.admin;

import ca.constituent.campaign.Campaign;
import ca.constituent.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The overview's numbers. Every query reads a roll-up ({@code signature_count}, {@code signature_hourly} and its
 * pending deltas) or the letters outbox, never the signatures themselves.
 */
@ApplicationScoped
class CampaignStats {

    static final List<String> LETTER_STATES = List.of("queued", "sending", "sent", "failed");

    private final EntityManager em;

    CampaignStats(EntityManager em) {
        this.em = em;
    }

    static Campaign campaign(String slug) {
        return Campaign.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("campaign-not-found"));
    }

    @Transactional
    List<CampaignOverview> overviews() {
        List<Campaign> campaigns = Campaign.list("order by createdAt desc, id desc");
        return campaigns.stream().map(this::overview).toList();
    }

    @Transactional
    CampaignOverview overview(String slug) {
        return overview(campaign(slug));
    }

    @SuppressWarnings("unchecked")
    private CampaignOverview overview(Campaign c) {
        Map<String, Long> byState = new TreeMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "SELECT state, sum(n) FROM signature_count WHERE campaign_id = ?1 GROUP BY state")
                .setParameter(1, c.id).getResultList()) {
            byState.put((String) r[0], ((Number) r[1]).longValue());
        }
        Map<String, Long> letters = new LinkedHashMap<>();
        LETTER_STATES.forEach(s -> letters.put(s, 0L));
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "SELECT status, count(*) FROM mp_email WHERE campaign_id = ?1 GROUP BY status")
                .setParameter(1, c.id).getResultList()) {
            letters.put((String) r[0], ((Number) r[1]).longValue());
        }
        List<?> rolled = em.createNativeQuery(
                "SELECT rolled_up_at FROM signature_count_rollup WHERE campaign_id = ?1", OffsetDateTime.class)
                .setParameter(1, c.id).getResultList();
        long confirmed = byState.getOrDefault("confirmed", 0L);
        long pending = byState.getOrDefault("pending", 0L);
        double rate = confirmed + pending == 0 ? 0 : (double) confirmed / (confirmed + pending);
        return new CampaignOverview(c.slug, c.titleEn, c.titleFr, c.status, confirmed, pending, rate, c.goal,
                (double) confirmed / c.goal, letters, rolled.isEmpty() ? null : (OffsetDateTime) rolled.get(0));
    }

    /** The last 48 hours hour by hour (zeros included) and every day since the campaign began. */
    @Transactional
    @SuppressWarnings("unchecked")
    Timeline timeline(String slug) {
        Campaign c = campaign(slug);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        OffsetDateTime from = now.minusHours(47);
        Map<OffsetDateTime, long[]> hours = new LinkedHashMap<>();
        for (OffsetDateTime h = from; !h.isAfter(now); h = h.plusHours(1)) {
            hours.put(h, new long[2]);
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery(HOURS).setParameter(1, c.id)
                .setParameter(2, from).getResultList()) {
            long[] counts = hours.get(AdminAudit.toOffset(r[0]).withOffsetSameInstant(ZoneOffset.UTC));
            if (counts != null) {
                counts[0] = ((Number) r[1]).longValue();
                counts[1] = ((Number) r[2]).longValue();
            }
        }
        List<Timeline.Hour> hourly = new ArrayList<>();
        hours.forEach((h, n) -> hourly.add(new Timeline.Hour(h, n[0], n[1])));
        List<Timeline.Day> daily = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(DAYS).setParameter(1, c.id).getResultList()) {
            LocalDate day = r[0] instanceof Date d ? d.toLocalDate() : (LocalDate) r[0];
            daily.add(new Timeline.Day(day, ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        return new Timeline(hourly, daily);
    }

    /** Folded hours plus deltas not folded yet, so the timeline is exact between roll-ups. */
    private static final String HOURLY = """
            SELECT hour, signed, confirmed FROM signature_hourly WHERE campaign_id = ?1
            UNION ALL
            SELECT hour, signed, confirmed FROM signature_hourly_delta WHERE campaign_id = ?1
            """;

    private static final String HOURS = "SELECT hour, sum(signed), sum(confirmed) FROM (" + HOURLY
            + ") h WHERE hour >= ?2 GROUP BY hour ORDER BY hour";

    private static final String DAYS = "SELECT (hour AT TIME ZONE 'America/Toronto')::date AS day, sum(signed),"
            + " sum(confirmed) FROM (" + HOURLY + ") h GROUP BY day ORDER BY day";
}
