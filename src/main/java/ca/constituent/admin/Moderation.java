package ca.constituent.admin;

import ca.constituent.campaign.Campaign;
import ca.constituent.common.Language;
import ca.constituent.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Invalidates signatures and restores them. Invalidation is a state, as holding is: the counts journal moves the
 * signature out of the counts and the map at the next roll-up, the timeline's journal out of its hours, exports read
 * confirmed signatures only, and its queued confirmation mail is set aside (letters wait in their outbox, which skips
 * invalidated signers). Restoring puts back the state it came from, and the mail. Held signatures are left held:
 * they are out of every count and mail already.
 */
@ApplicationScoped
class Moderation {

    static final String INVALIDATE = "invalidate";
    static final String RESTORE = "restore";
    static final int MAX_IDS = 1000;

    private static final String INVALIDATE_SQL = """
            WITH changed AS (
                UPDATE signature s SET invalidated_from = s.state, state = 'invalidated', invalidation_reason = ?3,
                                       invalidated_at = now()
                WHERE s.campaign_id = ?1 AND s.id IN (?2) AND s.state IN ('pending', 'confirmed')
                RETURNING s.id
            ), mail AS (
                UPDATE confirmation_mail m SET status = 'failed', last_error = 'invalidated'
                FROM changed WHERE m.signature_id = changed.id AND m.status = 'queued'
                RETURNING m.id
            )
            SELECT count(*) FROM changed
            """;

    private static final String RESTORE_SQL = """
            WITH changed AS (
                UPDATE signature s SET state = s.invalidated_from, invalidated_from = NULL,
                                       invalidation_reason = NULL, invalidated_at = NULL
                WHERE s.campaign_id = ?1 AND s.id IN (?2) AND s.state = 'invalidated' AND length(?3) > 0
                RETURNING s.id, s.state
            ), mail AS (
                UPDATE confirmation_mail m SET status = 'queued', last_error = NULL, next_attempt_at = now()
                FROM changed WHERE m.signature_id = changed.id AND changed.state = 'pending'
                  AND m.status = 'failed' AND m.last_error = 'invalidated'
                RETURNING m.id
            )
            SELECT count(*) FROM changed
            """;

    private final EntityManager em;
    private final AdminAudit audit;

    Moderation(EntityManager em, AdminAudit audit) {
        this.em = em;
        this.audit = audit;
    }

    /** Invalidates or restores the listed signatures of a campaign; audited with the reason and rows changed. */
    @Transactional
    int moderate(String slug, String action, List<String> ids, String reason, SignedIn who, String ipHash,
                 Language language) {
        Campaign campaign = CampaignStats.campaign(slug);
        String why = reason(reason, language);
        if (ids == null || ids.isEmpty() || ids.size() > MAX_IDS) {
            throw ProblemException.invalid(List.of(new ProblemException.Invalid("ids", "admin.moderation.ids.invalid")),
                    language);
        }
        List<UUID> uuids;
        try {
            uuids = ids.stream().map(UUID::fromString).distinct().toList();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(new ProblemException.Invalid("ids", "admin.moderation.ids.invalid")),
                    language);
        }
        int changed = apply(action, campaign.id, uuids, why);
        String target = ids.size() == 1 ? "signature:" + ids.get(0) : "campaign:" + slug;
        audit.record(AdminAudit.Entry.by(who, "signature-" + action, target(target, why), changed, ipHash));
        return changed;
    }

    /** The change itself, in the caller's transaction; returns how many signatures changed. */
    int apply(String action, long campaignId, List<UUID> ids, String reason) {
        if (ids.isEmpty()) {
            return 0;
        }
        String sql = INVALIDATE.equals(action) ? INVALIDATE_SQL : RESTORE_SQL;
        return ((Number) em.createNativeQuery(sql).setParameter(1, campaignId).setParameter(2, ids)
                .setParameter(3, reason).getSingleResult()).intValue();
    }

    /** A reason as stored and audited: trimmed, 1 to 200 characters, one line. */
    static String reason(String reason, Language language) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalid(List.of(new ProblemException.Invalid("reason",
                    "admin.moderation.reason.invalid")), language);
        }
        return trimmed;
    }

    static String action(String action, Language language) {
        if (!INVALIDATE.equals(action) && !RESTORE.equals(action)) {
            throw ProblemException.invalid(List.of(new ProblemException.Invalid("action",
                    "admin.moderation.action.invalid")), language);
        }
        return action;
    }

    /** An audit target: what, and why (the log's column holds 300 characters). */
    static String target(String what, String reason) {
        String text = what + " reason: " + reason;
        return text.length() <= 300 ? text : text.substring(0, 300);
    }
}
