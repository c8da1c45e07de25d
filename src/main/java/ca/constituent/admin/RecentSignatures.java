package ca.constituent.admin;

import ca.constituent.campaign.Campaign;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Newest signatures first, a page at a time by keyset: the cursor is the last row's (created_at, id), so a page costs
 * the same however deep it is (index {@code signature_newest}).
 */
@ApplicationScoped
class RecentSignatures {

    /** A page and the cursor of the next one (null on the last page). */
    record Page(List<RecentSignature> signatures, String next) {
    }

    private final EntityManager em;
    private final AdminConfig config;

    RecentSignatures(EntityManager em, AdminConfig config) {
        this.em = em;
        this.config = config;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    Page page(String slug, String cursor, boolean masked) {
        Campaign campaign = CampaignStats.campaign(slug);
        Keyset before = Keyset.parse(cursor);
        int size = config.pageSize();
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, created_at, state, first_name, last_name, email, postal_code, province, fed_code, language
                FROM signature WHERE campaign_id = ?1 AND (created_at, id) < (?2, ?3)
                ORDER BY created_at DESC, id DESC LIMIT ?4
                """).setParameter(1, campaign.id).setParameter(2, before.at()).setParameter(3, before.id())
                .setParameter(4, size).getResultList();
        List<RecentSignature> list = rows.stream().map(r -> new RecentSignature(r[0].toString(),
                AdminAudit.toOffset(r[1]), (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                (String) r[7], (String) r[8], (String) r[9])).map(s -> masked ? s.masked() : s).toList();
        String next = null;
        if (list.size() == size) {
            RecentSignature last = list.get(size - 1);
            next = Keyset.format(last.createdAt(), last.id());
        }
        return new Page(list, next);
    }
}
