package ca.constituent.admin;

import ca.constituent.campaign.Campaign;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a campaign's signatures by a {@link SignatureFilter}, newest first, a page at a time by keyset, with how many
 * match in all (counted up to {@link #COUNT_CAP}).
 */
@ApplicationScoped
class SignatureSearch {

    static final int COUNT_CAP = 1_000_000;

    /** A page, the cursor of the next one (null on the last), and how many signatures match in all. */
    record Page(List<FoundSignature> signatures, String next, long total) {
    }

    private final EntityManager em;
    private final AdminConfig config;

    SignatureSearch(EntityManager em, AdminConfig config) {
        this.em = em;
        this.config = config;
    }

    @Transactional
    Page page(String slug, SignatureFilter filter, String cursor, boolean masked) {
        Campaign campaign = CampaignStats.campaign(slug);
        Keyset before = Keyset.parse(cursor);
        int size = config.pageSize();
        List<Object> params = new ArrayList<>(List.of(campaign.id, before.at(), before.id()));
        StringBuilder sql = new StringBuilder("""
                SELECT s.id, s.created_at, s.state, s.first_name, s.last_name, s.email, s.postal_code, s.province,
                       s.fed_code, s.ip_hash, s.invalidation_reason
                FROM signature s WHERE s.campaign_id = ?1 AND (s.created_at, s.id) < (?2, ?3)""");
        filter.appendTo(sql, params);
        params.add(size);
        sql.append(" ORDER BY s.created_at DESC, s.id DESC LIMIT ?").append(params.size());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(sql.toString()), params).getResultList();
        List<FoundSignature> list = rows.stream().map(FoundSignature::of).map(s -> masked ? s.masked() : s).toList();
        String next = list.size() == size ? Keyset.format(list.get(size - 1).createdAt(), list.get(size - 1).id())
                : null;
        return new Page(list, next, count(campaign.id, filter));
    }

    /** How many of the campaign's signatures match, up to {@link #COUNT_CAP}. */
    long count(long campaignId, SignatureFilter filter) {
        List<Object> params = new ArrayList<>(List.of(campaignId));
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM (SELECT 1 FROM signature s WHERE s.campaign_id = ?1");
        filter.appendTo(sql, params);
        params.add(COUNT_CAP);
        sql.append(" LIMIT ?").append(params.size()).append(") m");
        return ((Number) bind(em.createNativeQuery(sql.toString()), params).getSingleResult()).longValue();
    }

    static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }
}
