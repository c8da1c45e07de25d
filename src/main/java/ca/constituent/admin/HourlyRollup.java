package ca.constituent.admin;

import ca.constituent.common.OncePerPeriod;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;

/**
 * Folds the per-hour deltas that signature changes append into {@code signature_hourly}; one replica at a time, and
 * on the timer once per period across replicas ({@link OncePerPeriod}).
 */
@ApplicationScoped
class HourlyRollup {

    private static final long LOCK = 0x4144_4d49_4e48_5253L;

    private final EntityManager em;
    private final OncePerPeriod oncePerPeriod;
    private final Duration every;

    HourlyRollup(EntityManager em, OncePerPeriod oncePerPeriod, AdminConfig config) {
        this.em = em;
        this.oncePerPeriod = oncePerPeriod;
        this.every = config.hourlyRollupEvery();
    }

    @Scheduled(every = "${constituent.admin.hourly-rollup-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void onTimer() {
        if (oncePerPeriod.claim("hourly-rollup", every)) {
            rollUp();
        }
    }

    @Transactional
    void rollUp() {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return;
        }
        em.createNativeQuery("""
                WITH moved AS (DELETE FROM signature_hourly_delta RETURNING campaign_id, hour, signed, confirmed)
                INSERT INTO signature_hourly AS h (campaign_id, hour, signed, confirmed)
                SELECT campaign_id, hour, sum(signed), sum(confirmed) FROM moved GROUP BY campaign_id, hour
                ON CONFLICT (campaign_id, hour) DO UPDATE
                    SET signed = h.signed + excluded.signed, confirmed = h.confirmed + excluded.confirmed
                """).executeUpdate();
    }
}
