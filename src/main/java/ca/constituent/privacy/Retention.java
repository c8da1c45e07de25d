package ca.constituent.privacy;

import ca.constituent.abuse.AbuseConfig;
import ca.constituent.common.OncePerPeriod;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;

/**
 * Applies each campaign's retention settings: unconfirmed signatures deleted, IP hashes dropped, signatures
 * anonymised some months after the campaign closed, letter bodies erased after sending. The timer runs once per period across
 * replicas ({@link OncePerPeriod}); a run called directly takes a transaction-scoped advisory lock, and a replica that
 * finds it taken skips. Deletions leave the counts
 * through the journal's delete trigger.
 */
@ApplicationScoped
public class Retention {

    private static final long LOCK = 0x5072_6976_6163_7931L;

    /** How many rows each step touched in one run. */
    public record Run(int unconfirmedDeleted, int ipHashesDropped, int anonymised, int lettersErased) {
    }

    private final EntityManager em;
    private final OncePerPeriod oncePerPeriod;
    private final Duration every;
    private final Duration limitWindow;

    Retention(EntityManager em, OncePerPeriod oncePerPeriod, PrivacyConfig config, AbuseConfig abuse) {
        this.em = em;
        this.oncePerPeriod = oncePerPeriod;
        this.every = config.retentionEvery();
        AbuseConfig.Limits limits = abuse.limits();
        this.limitWindow = limits.burstWindow().compareTo(limits.sustainedWindow()) > 0 ? limits.burstWindow()
                : limits.sustainedWindow();
    }

    /** Once per period across replicas: each replica's timer fires, the first to claim the period runs it. */
    @Scheduled(every = "${constituent.privacy.retention-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void scheduled() {
        if (!oncePerPeriod.claim("retention", every)) {
            return;
        }
        Run run = apply();
        if (run != null) {
            Log.infof("Retention: %d unconfirmed signatures deleted, %d IP hashes dropped, %d signatures anonymised,"
                    + " %d letter bodies erased", run.unconfirmedDeleted(), run.ipHashesDropped(), run.anonymised(),
                    run.lettersErased());
        }
    }

    /** One run; null when another replica holds the lock. */
    @Transactional
    public Run apply() {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return null;
        }
        int deleted = em.createNativeQuery("""
                DELETE FROM signature s USING campaign c
                WHERE s.campaign_id = c.id AND s.state IN ('pending', 'held')
                  AND s.created_at < now() - make_interval(days => c.retention_unconfirmed_days)
                """).executeUpdate();
        int ipHashes = em.createNativeQuery("""
                UPDATE signature s SET ip_hash = NULL FROM campaign c
                WHERE s.campaign_id = c.id AND s.ip_hash IS NOT NULL
                  AND s.created_at < now() - make_interval(days => c.retention_ip_hash_days)
                """).executeUpdate();
        int anonymised = anonymiseClosedCampaigns();
        int letters = em.createNativeQuery("""
                UPDATE mp_email m SET body = '', body_erased_at = now() FROM campaign c
                WHERE m.campaign_id = c.id AND m.status = 'sent' AND m.body_erased_at IS NULL
                  AND m.sent_at < now() - make_interval(days => c.retention_letter_days)
                """).executeUpdate();
        forgetSpentLimits();
        return new Run(deleted, ipHashes, anonymised, letters);
    }

    /**
     * The abuse controls' own state, once no limit looks at it any more: past hours' mail budgets, expired proofs
     * of work, and "link again" requests (keyed hashes of client addresses) older than the longest limit window.
     */
    private void forgetSpentLimits() {
        em.createNativeQuery("DELETE FROM confirmation_mail_budget WHERE hour < now() - interval '1 day'")
                .executeUpdate();
        em.createNativeQuery("DELETE FROM proof_of_work_spent WHERE expires_at < now()").executeUpdate();
        em.createNativeQuery("DELETE FROM lost_link_request WHERE created_at < now() - make_interval(secs => ?1)")
                .setParameter(1, limitWindow.toSeconds()).executeUpdate();
    }

    /**
     * Signers of campaigns closed longer than their anonymise period: their letters' senders and bodies erased, then
     * their names, addresses and notes; returns how many signatures were anonymised.
     */
    private int anonymiseClosedCampaigns() {
        em.createNativeQuery("""
                UPDATE mp_email m SET body = '', body_erased_at = now(), from_name = '-', reply_to = '-'
                FROM signature s JOIN campaign c ON c.id = s.campaign_id
                WHERE m.signature_id = s.id AND s.anonymised_at IS NULL AND c.status = 'closed'
                  AND c.closed_at < now() - make_interval(months => c.retention_anonymise_months)
                  AND m.status IN ('sent', 'failed')
                """).executeUpdate();
        return em.createNativeQuery("""
                UPDATE signature s
                SET first_name = '-', last_name = '-', email = 'anonymised-' || s.id,
                    canonical_email = 'anonymised-' || s.id, postal_code = left(s.postal_code, 3),
                    personal_note = NULL, ip_hash = NULL, consent_updates = false, anonymised_at = now()
                FROM campaign c
                WHERE s.campaign_id = c.id AND s.anonymised_at IS NULL AND c.status = 'closed'
                  AND c.closed_at < now() - make_interval(months => c.retention_anonymise_months)
                """).executeUpdate();
    }
}
