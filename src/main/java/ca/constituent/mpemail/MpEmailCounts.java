package ca.constituent.mpemail;

import ca.constituent.signature.LetterCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Letters sent per riding, for the pages after signing: an index-only count of one riding's sent letters. */
@ApplicationScoped
class MpEmailCounts implements LetterCounts {

    private final EntityManager em;

    MpEmailCounts(EntityManager em) {
        this.em = em;
    }

    @Override
    public long sent(long campaignId, String fedCode) {
        Number n = (Number) em.createNativeQuery(
                        "SELECT count(*) FROM mp_email WHERE campaign_id = ?1 AND fed_code = ?2 AND status = 'sent'")
                .setParameter(1, campaignId)
                .setParameter(2, fedCode)
                .getSingleResult();
        return n.longValue();
    }
}
