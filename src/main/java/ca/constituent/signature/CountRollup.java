package ca.constituent.signature;

import ca.constituent.common.OncePerPeriod;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;

/**
 * Folds the count deltas that signature changes append into {@code signature_count}. One replica at a time
 * (a transaction-scoped advisory lock) and, on the timer, once per period across replicas ({@link OncePerPeriod});
 * deltas of transactions still open are simply folded on a later run.
 */
@ApplicationScoped
public class CountRollup {

    private static final long LOCK = 0x5167_4e41_5455_5245L;

    private final EntityManager em;
    private final OncePerPeriod oncePerPeriod;
    private final Duration every;

    CountRollup(EntityManager em, OncePerPeriod oncePerPeriod, SignatureConfig config) {
        this.em = em;
        this.oncePerPeriod = oncePerPeriod;
        this.every = config.countsEvery();
    }

    @Scheduled(every = "${constituent.signatures.counts-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void onTimer() {
        if (oncePerPeriod.claim("count-rollup", every)) {
            rollUp();
        }
    }

    /** Folds the deltas now, whenever the last run was. */
    @Transactional
    public void rollUp() {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return;
        }
        em.createNativeQuery("""
                WITH moved AS (
                    DELETE FROM signature_count_delta
                    RETURNING campaign_id, state, province, fed_code, delta
                )
                INSERT INTO signature_count AS c (campaign_id, state, province, fed_code, n)
                SELECT campaign_id, state, province, fed_code, sum(delta) FROM moved
                GROUP BY campaign_id, state, province, fed_code
                ON CONFLICT (campaign_id, state, province, fed_code) DO UPDATE SET n = c.n + excluded.n
                """).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO signature_count_rollup AS r (campaign_id, rolled_up_at)
                SELECT id, now() FROM campaign
                ON CONFLICT (campaign_id) DO UPDATE SET rolled_up_at = excluded.rolled_up_at
                """).executeUpdate();
    }
}
