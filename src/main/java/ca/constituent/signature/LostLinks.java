package ca.constituent.signature;

import ca.constituent.abuse.AbuseConfig;
import ca.constituent.common.Keys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;

/**
 * "Lost your link? Get it again": queues a new confirmation mail for the signer of a campaign with this address,
 * pending or confirmed; its link opens the confirmation page, which leads confirmed signers to their letter. The
 * caller answers the same whether or not the address signed. The mails count against the same limits as signing:
 * the mailbox's mails of the last day and the hourly budget of all replicas.
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

    /** This replica's row of the hourly budget, apart from the signature writer's. */
    private final int shard = -1 - new SecureRandom().nextInt(1 << 20);

    private final EntityManager em;
    private final Keys keys;
    private final SignatureConfig config;
    private final AbuseConfig abuse;

    LostLinks(EntityManager em, Keys keys, SignatureConfig config, AbuseConfig abuse) {
        this.em = em;
        this.keys = keys;
        this.config = config;
        this.abuse = abuse;
    }

    /** Queues the mail when the address signed and the limits allow; says nothing either way. */
    @Transactional
    void resend(String slug, String email) {
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
}
