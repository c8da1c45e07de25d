package ca.constituent.admin;

import ca.constituent.campaign.Campaign;
import ca.constituent.mpemail.MpEmailOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads the MP-email outbox ({@code mp_email}) for the letters page; retrying is the letters feature's own job. */
@ApplicationScoped
class LetterOutbox {

    private static final int FAILURES_SHOWN = 200;

    private final EntityManager em;
    private final MpEmailOutbox retry;

    LetterOutbox(EntityManager em, MpEmailOutbox retry) {
        this.em = em;
        this.retry = retry;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    Letters of(String slug, String language) {
        Campaign campaign = CampaignStats.campaign(slug);
        String name = "fr".equals(language) ? "r.name_fr" : "r.name_en";
        List<Letters.Inbox> inboxes = ((List<Object[]>) em.createNativeQuery("""
                SELECT e.fed_code, %s, min(e.to_name),
                       count(*) FILTER (WHERE e.status = 'queued'), count(*) FILTER (WHERE e.status = 'sending'),
                       count(*) FILTER (WHERE e.status = 'sent'), count(*) FILTER (WHERE e.status = 'failed'),
                       count(*) FILTER (WHERE e.status = 'held'),
                       extract(epoch FROM now() - min(e.created_at) FILTER (WHERE e.status = 'queued'))::bigint
                FROM mp_email e JOIN riding r ON r.fed_code = e.fed_code
                WHERE e.campaign_id = ?1
                GROUP BY e.fed_code, %s ORDER BY 7 DESC, 8 DESC, 4 DESC, 2
                """.formatted(name, name)).setParameter(1, campaign.id).getResultList()).stream()
                .map(r -> new Letters.Inbox((String) r[0], (String) r[1], (String) r[2], n(r[3]), n(r[4]), n(r[5]),
                        n(r[6]), n(r[7]), r[8] == null ? null : n(r[8])))
                .toList();
        List<Letters.Failure> failures = ((List<Object[]>) em.createNativeQuery("""
                SELECT e.id, e.fed_code, %s, e.to_name, e.attempts, e.created_at, e.last_error
                FROM mp_email e JOIN riding r ON r.fed_code = e.fed_code
                WHERE e.campaign_id = ?1 AND e.status = 'failed' ORDER BY e.id DESC LIMIT %d
                """.formatted(name, FAILURES_SHOWN)).setParameter(1, campaign.id).getResultList()).stream()
                .map(r -> new Letters.Failure(n(r[0]), (String) r[1], (String) r[2], (String) r[3], (int) n(r[4]),
                        AdminAudit.toOffset(r[5]), (String) r[6]))
                .toList();
        Long oldest = inboxes.stream().map(Letters.Inbox::oldestQueuedSeconds).filter(s -> s != null)
                .max(Long::compare).orElse(null);
        return new Letters(inboxes, failures, oldest);
    }

    /** Queues a failed letter again, recording who did it; false when the letter has not failed. */
    @Transactional
    boolean retry(long letterId, SignedIn who, String ipHash, AdminAudit audit) {
        if (!retry.retryFailed(letterId)) {
            return false;
        }
        audit.record(AdminAudit.Entry.by(who, "letter-retry", "mp_email:" + letterId, 1, ipHash));
        return true;
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
