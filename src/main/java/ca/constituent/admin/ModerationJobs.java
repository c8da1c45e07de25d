package ca.constituent.admin;

import ca.constituent.campaign.Campaign;
import ca.constituent.common.Language;
import ca.constituent.common.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Invalidates or restores a search's whole result in the background, one batch per transaction, newest signature
 * first from where the last batch stopped. Each batch claims the job's row with {@code FOR UPDATE SKIP LOCKED}, so
 * across replicas one batch of a job runs at a time, a failed batch is rolled back and taken again, and intake never
 * waits on more than one batch's rows. Signatures made after the job started are left alone.
 */
@ApplicationScoped
class ModerationJobs {

    private final EntityManager em;
    private final Moderation moderation;
    private final SignatureSearch search;
    private final AdminAudit audit;
    private final ObjectMapper json;
    private final int batchSize;

    ModerationJobs(EntityManager em, Moderation moderation, SignatureSearch search, AdminAudit audit,
                   ObjectMapper json, AdminConfig config) {
        this.em = em;
        this.moderation = moderation;
        this.search = search;
        this.audit = audit;
        this.json = json;
        this.batchSize = config.moderationBatchSize();
    }

    /** Queues a job over every signature the filter matches now; audited with the reason and that number. */
    @Transactional
    ModerationJob start(String slug, String action, String reason, SignatureFilter filter, SignedIn who,
                        String ipHash, Language language) {
        Campaign campaign = CampaignStats.campaign(slug);
        String act = Moderation.action(action, language);
        String why = Moderation.reason(reason, language);
        if (filter.isEmpty()) {
            throw ProblemException.invalid(List.of(new ProblemException.Invalid("filter",
                    "admin.moderation.filter.empty")), language);
        }
        long total = search.count(campaign.id, filter);
        Number id = (Number) em.createNativeQuery("""
                INSERT INTO moderation_job (campaign_id, action, reason, filter, total, cursor_at, cursor_id,
                                            admin_user_id, actor, ip_hash)
                VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id
                """).setParameter(1, campaign.id).setParameter(2, act).setParameter(3, why)
                .setParameter(4, write(filter)).setParameter(5, (int) total).setParameter(6, Keyset.START.at())
                .setParameter(7, Keyset.START.id()).setParameter(8, who.userId()).setParameter(9, who.email())
                .setParameter(10, ipHash).getSingleResult();
        audit.record(AdminAudit.Entry.by(who, "signature-bulk-" + act,
                Moderation.target("moderation_job:" + id, why), (int) total, ipHash));
        return get(id.longValue());
    }

    @Transactional
    ModerationJob get(long id) {
        return list("WHERE id = ?1", id).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("moderation-job-not-found"));
    }

    /** A campaign's ten newest jobs. */
    @Transactional
    List<ModerationJob> recent(long campaignId) {
        return list("WHERE campaign_id = ?1 ORDER BY id DESC LIMIT 10", campaignId);
    }

    @Scheduled(every = "${constituent.admin.moderation-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        // Until no job has a batch left: ticks never overlap (SKIP), each batch is its own short transaction, and
        // another replica's timer shares the work batch by batch, so no cap on a tick is needed.
        drain(Integer.MAX_VALUE);
    }

    /** Runs up to {@code batches} batches, each in its own transaction; returns how many ran. */
    int drain(int batches) {
        int ran = 0;
        while (ran < batches && QuarkusTransaction.requiringNew().call(this::batch)) {
            ran++;
        }
        return ran;
    }

    /** One batch of the oldest unfinished job no other worker holds; false when there is none. */
    boolean batch() {
        @SuppressWarnings("unchecked")
        List<Object[]> jobs = em.createNativeQuery("""
                SELECT id, campaign_id, action, reason, CAST(filter AS text), cursor_at, cursor_id, admin_user_id,
                       actor, ip_hash
                FROM moderation_job WHERE status <> 'done' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
                """).getResultList();
        if (jobs.isEmpty()) {
            return false;
        }
        Object[] job = jobs.get(0);
        long id = ((Number) job[0]).longValue();
        long campaignId = ((Number) job[1]).longValue();
        List<Object> params = new ArrayList<>(List.of(campaignId, AdminAudit.toOffset(job[5]), job[6]));
        StringBuilder sql = new StringBuilder("SELECT s.id, s.created_at FROM signature s WHERE s.campaign_id = ?1"
                + " AND (s.created_at, s.id) < (?2, ?3)");
        read((String) job[4]).appendTo(sql, params);
        params.add(batchSize);
        sql.append(" ORDER BY s.created_at DESC, s.id DESC LIMIT ?").append(params.size());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = SignatureSearch.bind(em.createNativeQuery(sql.toString()), params).getResultList();
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        int changed = moderation.apply((String) job[2], campaignId, ids, (String) job[3]);
        boolean done = rows.size() < batchSize;
        Object[] last = rows.isEmpty() ? new Object[]{job[6], job[5]} : rows.get(rows.size() - 1);
        advance(id, rows.size(), changed, last, done);
        if (done) {
            ModerationJob finished = get(id);
            audit.record(new AdminAudit.Entry(job[7] == null ? null : ((Number) job[7]).longValue(), (String) job[8],
                    "signature-bulk-" + job[2] + "-done", Moderation.target("moderation_job:" + id,
                    (String) job[3]), finished.changed(), (String) job[9]));
        }
        return true;
    }

    /** Records a batch's progress: rows scanned and changed, the cursor after its {@code last} row, done or not. */
    private void advance(long id, int scanned, int changed, Object[] last, boolean done) {
        em.createNativeQuery("""
                UPDATE moderation_job SET scanned = scanned + ?2, changed = changed + ?3, batches = batches + 1,
                    cursor_at = ?4, cursor_id = ?5, updated_at = now(),
                    status = CASE WHEN ?6 THEN 'done' ELSE 'running' END,
                    finished_at = CASE WHEN ?6 THEN now() END
                WHERE id = ?1
                """).setParameter(1, id).setParameter(2, scanned).setParameter(3, changed)
                .setParameter(4, AdminAudit.toOffset(last[1]))
                .setParameter(5, last[0]).setParameter(6, done).executeUpdate();
    }

    private List<ModerationJob> list(String where, long param) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, action, reason, status, total, scanned, changed, batches, actor, created_at, finished_at
                FROM moderation_job\s""" + where).setParameter(1, param).getResultList();
        return rows.stream().map(r -> new ModerationJob(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                ((Number) r[7]).intValue(), (String) r[8], AdminAudit.toOffset(r[9]), AdminAudit.toOffset(r[10])))
                .toList();
    }

    private String write(SignatureFilter filter) {
        try {
            return json.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a filter is always serialisable", e);
        }
    }

    private SignatureFilter read(String filter) {
        try {
            return json.readValue(filter, SignatureFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("moderation_job.filter is written by start()", e);
        }
    }
}
