package ca.constituent.signature;

import ca.constituent.abuse.AbuseConfig;
import ca.constituent.abuse.AbuseLists;
import ca.constituent.common.Keys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;

/**
 * "Lost your link? Get it again": queues a new confirmation mail for the signer of a campaign with this address,
 * pending or confirmed; its link opens the confirmation page, which leads confirmed signers to their letter. The
 * caller answers the same whether or not the address signed. The mails count against the same limits as signing:
 * the mailbox's mails of the last day and the hourly budget of all replicas, and the requests count against the
 * client address's burst and sustained limits (state in {@code lost_link_request}, shared by replicas). A request
 * over a limit, or from a blocked address or domain, queues nothing.
 */
@ApplicationScoped
class LostLinks {

    private static final String QUEUE = """
            WITH target AS (
                SELECT s.id FROM signature s JOIN campaign c ON c.id = s.campaign_id
                WHERE c.slug = ?1 AND s.canonical_email = ?2 AND s.state IN ('pending', 'confirmed')
            ), mail AS (
                INSERT INTO confirmation_mail (signature_id, mailbox)
                SELECT t.id, ?3 FROM target t
                WHERE (SELECT count(*) FROM (SELECT 1 FROM confirmation_mail m WHERE m.mailbox = ?3
                       AND m.created_at > now() - interval '1 day' LIMIT ?4) p) < ?4
                  AND (SELECT coalesce(sum(n), 0) FROM confirmation_mail_budget
                       WHERE hour = date_trunc('hour', now())) < ?5
                RETURNING id
            )
            INSERT INTO confirmation_mail_budget AS b (hour, shard, n)
            SELECT date_trunc('hour', now()), ?6, count(*) FROM mail HAVING count(*) > 0
            ON CONFLICT (hour, shard) DO UPDATE SET n = b.n + excluded.n
            """;

    /**
     * Records the request and tells whether the client was within its limits before it: requests of the same
     * client address to the same campaign within the burst window, then within the sustained one, capped probes.
     */
    private static final String WITHIN_LIMITS = """
            WITH recorded AS (
                INSERT INTO lost_link_request (campaign_id, ip_hash)
                SELECT id, ?2 FROM campaign WHERE slug = ?1
                RETURNING campaign_id
            )
            SELECT (SELECT count(*) FROM (SELECT 1 FROM lost_link_request r JOIN recorded k USING (campaign_id)
                    WHERE r.ip_hash = ?2 AND r.created_at > now() - make_interval(secs => ?3) LIMIT ?4) b) < ?4
               AND (SELECT count(*) FROM (SELECT 1 FROM lost_link_request r JOIN recorded k USING (campaign_id)
                    WHERE r.ip_hash = ?2 AND r.created_at > now() - make_interval(secs => ?5) LIMIT ?6) s) < ?6
            """;

    /** This replica's row of the hourly budget, apart from the signature writer's. */
    private final int shard = -1 - new SecureRandom().nextInt(1 << 20);

    private final EntityManager em;
    private final Keys keys;
    private final SignatureConfig config;
    private final AbuseConfig abuse;
    private final AbuseLists lists;

    LostLinks(EntityManager em, Keys keys, SignatureConfig config, AbuseConfig abuse, AbuseLists lists) {
        this.em = em;
        this.keys = keys;
        this.config = config;
        this.abuse = abuse;
        this.lists = lists;
    }

    /**
     * Queues the mail when the address signed and the lists and limits allow; says nothing either way.
     *
     * @param client the client's address (only its keyed hash is stored), or null when the connection has none
     */
    @Transactional
    void resend(String slug, String email, String client) {
        AbuseLists.Verdict verdict = lists.check(client, email);
        if (verdict == AbuseLists.Verdict.BLOCKED
                || verdict == AbuseLists.Verdict.NEUTRAL && client != null && !withinLimits(slug, client)) {
            return;
        }
        String mailbox = keys.hash("mailbox", CanonicalEmail.mailbox(email), 22);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 5))")
                .setParameter(1, mailbox).getSingleResult();
        em.createNativeQuery(QUEUE)
                .setParameter(1, slug)
                .setParameter(2, CanonicalEmail.of(email))
                .setParameter(3, mailbox)
                .setParameter(4, config.confirmationMailsPerDay())
                .setParameter(5, abuse.limits().confirmationMailsPerHour())
                .setParameter(6, shard)
                .executeUpdate();
    }

    private boolean withinLimits(String slug, String client) {
        AbuseConfig.Limits limits = abuse.limits();
        if (!limits.enabled()) {
            return true;
        }
        String ipHash = keys.hash("ip", client, 22);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 6))")
                .setParameter(1, ipHash).getSingleResult();
        Object within = em.createNativeQuery(WITHIN_LIMITS)
                .setParameter(1, slug)
                .setParameter(2, ipHash)
                .setParameter(3, limits.burstWindow().toSeconds())
                .setParameter(4, limits.burst())
                .setParameter(5, limits.sustainedWindow().toSeconds())
                .setParameter(6, limits.sustained())
                .getSingleResult();
        return Boolean.TRUE.equals(within);
    }
}
