package ca.constituent.mpemail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Sends a failed letter again: back in the outbox, due now, with a fresh count of attempts. */
@ApplicationScoped
public class LetterRetry {

    private final EntityManager em;

    LetterRetry(EntityManager em) {
        this.em = em;
    }

    /** Queues the letter again if it failed; false when there is no such letter or it has not failed. */
    @Transactional
    public boolean retryFailed(long letterId) {
        return em.createNativeQuery("""
                UPDATE mp_email SET status = 'queued', attempts = 0, next_attempt_at = now(), claimed_at = NULL
                WHERE id = ?1 AND status = 'failed'
                """).setParameter(1, letterId).executeUpdate() == 1;
    }
}
