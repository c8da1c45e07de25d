package ca.constituent.admin;

import ca.constituent.campaign.Campaign;
import ca.constituent.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Campaigns, their confirmed signatures and their letters to MPs as OSDI collections (HAL+JSON): petitions,
 * signatures, outreaches. Only confirmed signatures; a signer's name, address and postal code only with consent to
 * updates (the others carry riding, province and dates). Every page read is audited with its number of records.
 */
@ApplicationScoped
class Osdi {

    static final int MAX_PER_PAGE = 100;

    /** One page of a collection: its records and how many there are in all. */
    record Page(List<Map<String, Object>> records, long total) {
    }

    private final EntityManager em;
    private final AdminAudit audit;

    Osdi(EntityManager em, AdminAudit audit) {
        this.em = em;
        this.audit = audit;
    }

    @Transactional
    Page petitions(int page, int perPage, Function<String, String> href, AdminAudit.Entry entry) {
        List<Object[]> rows = rows("""
                SELECT c.slug, c.created_at, c.title_en, c.summary_en, c.goal, c.status,
                       (SELECT coalesce(sum(n), 0) FROM signature_count k WHERE k.campaign_id = c.id
                        AND k.state = 'confirmed')
                FROM campaign c ORDER BY c.created_at, c.id LIMIT ?1 OFFSET ?2
                """, null, page, perPage);
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM campaign").getSingleResult()).longValue();
        List<Map<String, Object>> records = rows.stream().map(r -> OsdiDocuments.petition(r, href)).toList();
        return audited(new Page(records, total), entry);
    }

    /** Confirmed signatures, with {@code %s} for a further condition. */
    private static final String SIGNATURES = """
            SELECT s.id, s.created_at, s.confirmed_at, s.province, s.fed_code, s.consent_updates,
                   s.first_name, s.last_name, s.email, s.postal_code, s.language
            FROM signature s WHERE s.campaign_id = ?3 AND s.state = 'confirmed' %s
            ORDER BY s.created_at, s.id LIMIT ?1 OFFSET ?2
            """;

    /** Letters of confirmed signatures, with {@code %s} for a further condition. */
    private static final String OUTREACHES = """
            SELECT m.id, m.created_at, coalesce(m.sent_at, m.created_at), m.status, m.fed_code, m.to_name,
                   m.subject, CASE WHEN m.body_erased_at IS NULL THEN m.body END, m.language, m.signature_id
            FROM mp_email m JOIN signature s ON s.id = m.signature_id
            WHERE m.campaign_id = ?3 AND s.state = 'confirmed' %s
            ORDER BY m.id LIMIT ?1 OFFSET ?2
            """;

    @Transactional
    Page signatures(String slug, int page, int perPage, Function<String, String> href, AdminAudit.Entry entry) {
        Campaign campaign = campaign(slug);
        List<Object[]> rows = rows(SIGNATURES.formatted(""), campaign.id, page, perPage);
        long total = count("SELECT count(*) FROM signature WHERE campaign_id = ?1 AND state = 'confirmed'",
                campaign.id);
        List<Map<String, Object>> records = rows.stream().map(r -> OsdiDocuments.signature(r, slug, href)).toList();
        return audited(new Page(records, total), entry);
    }

    @Transactional
    Page outreaches(String slug, int page, int perPage, Function<String, String> href, AdminAudit.Entry entry) {
        Campaign campaign = campaign(slug);
        List<Object[]> rows = rows(OUTREACHES.formatted(""), campaign.id, page, perPage);
        long total = count("SELECT count(*) FROM mp_email m JOIN signature s ON s.id = m.signature_id "
                + "WHERE m.campaign_id = ?1 AND s.state = 'confirmed'", campaign.id);
        List<Map<String, Object>> records = rows.stream().map(r -> OsdiDocuments.outreach(r, slug, href)).toList();
        return audited(new Page(records, total), entry);
    }

    /** The petition itself, as an entry of the collection (audited as one record). */
    @Transactional
    Map<String, Object> petition(String slug, Function<String, String> href, AdminAudit.Entry entry) {
        Page all = petitions(1, Integer.MAX_VALUE, href, null);
        Map<String, Object> found = all.records().stream()
                .filter(p -> ((List<?>) p.get("identifiers")).contains("constituent:" + slug)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("campaign-not-found"));
        return one(found, entry);
    }

    /** One confirmed signature of the campaign, as in its collection (audited as one record). */
    @Transactional
    Map<String, Object> signature(String slug, String id, Function<String, String> href, AdminAudit.Entry entry) {
        java.util.UUID uuid = ca.constituent.common.Ids.parseUuid(id);
        Object[] row = uuid == null ? null : one(SIGNATURES.formatted("AND s.id = ?4"), campaign(slug).id, uuid);
        if (row == null) {
            throw ProblemException.notFound("signature-not-found");
        }
        return one(OsdiDocuments.signature(row, slug, href), entry);
    }

    /** One letter of the campaign, as in its collection (audited as one record). */
    @Transactional
    Map<String, Object> outreach(String slug, String id, Function<String, String> href, AdminAudit.Entry entry) {
        Long number = id != null && id.matches("[0-9]{1,18}") ? Long.valueOf(id) : null;
        Object[] row = number == null ? null : one(OUTREACHES.formatted("AND m.id = ?4"), campaign(slug).id,
                number);
        if (row == null) {
            throw ProblemException.notFound("outreach-not-found");
        }
        return one(OsdiDocuments.outreach(row, slug, href), entry);
    }

    private Map<String, Object> one(Map<String, Object> found, AdminAudit.Entry entry) {
        audited(new Page(List.of(found), 1), entry);
        return new LinkedHashMap<>(found);
    }

    @SuppressWarnings("unchecked")
    private Object[] one(String sql, long campaignId, Object id) {
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, 1).setParameter(2, 0L)
                .setParameter(3, campaignId).setParameter(4, id).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private Page audited(Page page, AdminAudit.Entry entry) {
        if (entry != null) {
            audit.record(new AdminAudit.Entry(entry.adminUserId(), entry.actor(), entry.action(), entry.target(),
                    page.records().size(), entry.ipHash()));
        }
        return page;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Long campaignId, int page, int perPage) {
        var query = em.createNativeQuery(sql).setParameter(1, perPage)
                .setParameter(2, (long) (page - 1) * Math.min(perPage, MAX_PER_PAGE));
        if (campaignId != null) {
            query.setParameter(3, campaignId);
        }
        return query.getResultList();
    }

    private long count(String sql, long campaignId) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, campaignId).getSingleResult()).longValue();
    }

    private static Campaign campaign(String slug) {
        return CampaignStats.campaign(slug);
    }
}
