package ca.constituent.signature;

import ca.constituent.abuse.AbuseConfig;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one statement that writes a batch of signatures: screens each against the rate limits, inserts it (held when
 * over a limit), and queues confirmation mails within each mailbox's daily budget and the hourly budget of all
 * replicas. Limits are counted from recent rows with capped index probes, so a batch costs no extra round-trip and a
 * flood from one address never makes a probe longer than its limit.
 */
final class SignStatement {

    /** Per-signature columns, in the order of the arrays bound first. */
    static final String[] TYPES = {"uuid", "text", "text", "text", "text", "text", "text", "text", "text", "text",
            "boolean", "text", "text", "text", "text", "boolean", "text", "timestamptz"};

    /**
     * Parameters after the arrays: burst window (s), burst, burst, sustained window (s), sustained, sustained,
     * limits enabled, free-mail domains, per-domain limit, per-domain limit, hourly mail budget, mails per mailbox
     * per day, mails per mailbox per day, budget shard.
     */
    static final String SQL = """
            WITH input AS (
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::boolean[], ?::text[], ?::timestamptz[])
                    WITH ORDINALITY AS i(id, slug, first_name, last_name, email, canonical_email, postal_code,
                                         province, fed_code, language, consent_updates, personal_note, ip_hash,
                                         mailbox, screened, exempt, proof, proof_expires_at, ord)
            ), c AS (
                SELECT i.ord, k.id AS campaign_id,
                       CASE WHEN campaign_accepts(k.status, k.opens_at, k.closes_at) THEN 'open'
                            WHEN k.status = 'open' THEN 'closed' ELSE k.status END AS status, split_part(i.canonical_email, '@', 2) AS domain,
                       row_number() OVER (PARTITION BY k.id, i.ip_hash ORDER BY i.ord) AS ip_rank,
                       row_number() OVER (PARTITION BY split_part(i.canonical_email, '@', 2) ORDER BY i.ord)
                           AS domain_rank,
                       row_number() OVER (PARTITION BY i.proof ORDER BY i.ord) AS proof_rank
                FROM input i LEFT JOIN campaign k ON k.slug = i.slug
            ), spent AS (
                INSERT INTO proof_of_work_spent (challenge, expires_at)
                SELECT DISTINCT ON (proof) proof, proof_expires_at FROM input WHERE proof IS NOT NULL
                ON CONFLICT (challenge) DO NOTHING
                RETURNING challenge
            ), limited AS (
                SELECT i.ord, CASE
                    WHEN i.screened IS NOT NULL THEN i.screened
                    WHEN i.proof IS NOT NULL AND (c.proof_rank > 1
                         OR NOT EXISTS (SELECT 1 FROM spent WHERE spent.challenge = i.proof)) THEN 'pow-replay'
                    WHEN i.exempt OR i.ip_hash IS NULL OR NOT ? THEN NULL
                    WHEN c.ip_rank + (SELECT count(*) FROM (SELECT 1 FROM signature s
                         WHERE s.campaign_id = c.campaign_id AND s.ip_hash = i.ip_hash
                           AND s.created_at > now() - make_interval(secs => ?) LIMIT ?) b) > ? THEN 'ip-burst'
                    WHEN c.ip_rank + (SELECT count(*) FROM (SELECT 1 FROM signature s
                         WHERE s.campaign_id = c.campaign_id AND s.ip_hash = i.ip_hash
                           AND s.created_at > now() - make_interval(secs => ?) LIMIT ?) b) > ? THEN 'ip-sustained'
                    WHEN c.domain = ANY (?::text[]) THEN NULL
                    WHEN c.domain_rank + (SELECT count(*) FROM (SELECT 1 FROM signature s
                         WHERE split_part(s.canonical_email, '@', 2) = c.domain
                           AND s.created_at > now() - interval '1 hour' LIMIT ?) d) > ? THEN 'domain'
                    END AS reason
                FROM input i JOIN c ON c.ord = i.ord
            ), budget AS (
                SELECT l.ord, CASE
                    WHEN l.reason IS NOT NULL THEN l.reason
                    WHEN row_number() OVER (PARTITION BY l.reason IS NULL ORDER BY l.ord)
                         + (SELECT coalesce(sum(n), 0) FROM confirmation_mail_budget
                            WHERE hour = date_trunc('hour', now())) > ? THEN 'mail-budget'
                    END AS reason
                FROM limited l
            ), ins AS (
                INSERT INTO signature AS s (id, campaign_id, first_name, last_name, email, canonical_email,
                                            postal_code, province, fed_code, language, consent_updates,
                                            personal_note, ip_hash, state, held_reason)
                SELECT i.id, c.campaign_id, i.first_name, i.last_name, i.email, i.canonical_email, i.postal_code,
                       i.province, i.fed_code, i.language, i.consent_updates, i.personal_note, i.ip_hash,
                       CASE WHEN b.reason IS NULL THEN 'pending' ELSE 'held' END, b.reason
                FROM input i JOIN c ON c.ord = i.ord JOIN budget b ON b.ord = i.ord
                WHERE c.status = 'open'
                ORDER BY i.ord
                -- A held signature gives way to a later clean one with the same address: an attacker who floods
                -- with someone's address cannot stop that person from signing. A pending one takes the later
                -- details, and its new confirmation mail says so: the mailbox owner confirms what stands.
                ON CONFLICT (campaign_id, canonical_email) DO UPDATE
                    SET first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,
                        postal_code = excluded.postal_code, province = excluded.province,
                        fed_code = excluded.fed_code, language = excluded.language,
                        consent_updates = excluded.consent_updates, personal_note = excluded.personal_note,
                        ip_hash = excluded.ip_hash, state = 'pending', held_reason = NULL
                    WHERE s.state IN ('held', 'pending') AND excluded.state = 'pending'
                -- xmax is set on a row this statement updated, zero on one it inserted
                RETURNING id, state, campaign_id, canonical_email, xmax <> 0 AS updated
            ), target AS (
                SELECT DISTINCT ON (t.id) t.id, t.state, t.mailbox, t.ord, t.after_update FROM (
                    SELECT coalesce(n.id, s.id) AS id, coalesce(n.state, s.state) AS state, i.mailbox, i.ord,
                           coalesce(n.updated AND s.state = 'pending', false) AS after_update
                    FROM input i JOIN c ON c.ord = i.ord JOIN budget b ON b.ord = i.ord
                    LEFT JOIN ins n ON n.campaign_id = c.campaign_id AND n.canonical_email = i.canonical_email
                    LEFT JOIN LATERAL (
                        -- The statement's snapshot: the row as it was before this statement changed it.
                        -- OFFSET 0 keeps this a per-row unique-index probe, never a scan of all signatures
                        SELECT s.id, s.state FROM signature s
                        WHERE s.campaign_id = c.campaign_id AND s.canonical_email = i.canonical_email
                        OFFSET 0
                    ) s ON n.id IS NULL OR n.updated
                    WHERE c.status = 'open' AND b.reason IS NULL
                ) t
                ORDER BY t.id, t.ord
            ), mail AS (
                INSERT INTO confirmation_mail (signature_id, mailbox, after_update)
                SELECT t.id, t.mailbox, t.after_update FROM (
                    SELECT target.*, row_number() OVER (PARTITION BY mailbox ORDER BY ord) AS mailbox_rank
                    FROM target WHERE state = 'pending'
                ) t
                WHERE t.mailbox_rank + (SELECT count(*) FROM (SELECT 1 FROM confirmation_mail m
                      WHERE m.mailbox = t.mailbox AND m.created_at > now() - interval '1 day' LIMIT ?) p) <= ?
                RETURNING id
            ), counted AS (
                INSERT INTO confirmation_mail_budget AS b (hour, shard, n)
                SELECT date_trunc('hour', now()), ?, count(*) FROM mail HAVING count(*) > 0
                ON CONFLICT (hour, shard) DO UPDATE SET n = b.n + excluded.n
            )
            SELECT c.ord, c.status, EXISTS (SELECT 1 FROM ins WHERE ins.id = i.id)
            FROM input i JOIN c ON c.ord = i.ord
            """;

    private SignStatement() {
    }

    /** The scalar parameters, in their order after the arrays. */
    static Object[] scalars(AbuseConfig.Limits limits, int mailsPerMailboxPerDay, int shard) {
        return new Object[]{limits.enabled(),
                limits.burstWindow().toSeconds(), limits.burst(), limits.burst(),
                limits.sustainedWindow().toSeconds(), limits.sustained(), limits.sustained(),
                limits.freeMailDomains().toArray(String[]::new),
                limits.perDomainPerHour(), limits.perDomainPerHour(),
                limits.confirmationMailsPerHour(),
                mailsPerMailboxPerDay, mailsPerMailboxPerDay, shard};
    }

    /**
     * Sets how PostgreSQL runs the batch statement in this transaction, in one round trip.
     *
     * <p>{@code genericPlan}: on its cached generic plan. Left to itself, PostgreSQL keeps planning the statement anew
     * for each batch (its custom plans look cheaper than the generic one), and planning this statement took about as
     * long as running it (pg_stat_statements, bench/profile-intake.sh).
     *
     * <p>{@code jit} off: once millions of signatures are stored, the generic plan's estimated cost passes
     * PostgreSQL's {@code jit_above_cost} (the per-domain limit's probe is costed as a scan of an hour's rows), and
     * PostgreSQL then compiled the plan's 293 expressions with LLVM for every batch: 570 ms of CPU a batch, for a
     * statement that runs in a few milliseconds (auto_explain, bench/signatures.sh with 10 million rows).
     */
    static void configure(Connection connection, boolean genericPlan, boolean jit) throws SQLException {
        String settings = (genericPlan ? "SET LOCAL plan_cache_mode = force_generic_plan; " : "")
                + (jit ? "" : "SET LOCAL jit = off");
        if (!settings.isEmpty()) {
            try (Statement set = connection.createStatement()) {
                set.execute(settings);
            }
        }
    }

    /** Runs the statement for one batch, its columns bound as arrays; each row's outcome goes to its index. */
    static void run(Connection connection, Object[][] columns, String[] types, Object[] scalars,
                    SignatureWriter.Outcome[] outcomes) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            for (int c = 0; c < columns.length; c++) {
                Array array = connection.createArrayOf(types[c], columns[c]);
                statement.setArray(c + 1, array);
            }
            for (int k = 0; k < scalars.length; k++) {
                Object value = scalars[k];
                if (value instanceof String[] strings) {
                    statement.setArray(columns.length + k + 1, connection.createArrayOf("text", strings));
                } else {
                    statement.setObject(columns.length + k + 1, value);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int index = rows.getInt(1) - 1;
                    String status = rows.getString(2);
                    outcomes[index] = status == null ? SignatureWriter.Outcome.CAMPAIGN_NOT_FOUND
                            : !"open".equals(status) ? SignatureWriter.Outcome.CAMPAIGN_CLOSED
                            : rows.getBoolean(3) ? SignatureWriter.Outcome.SIGNED
                            : SignatureWriter.Outcome.ALREADY_SIGNED;
                }
            }
        }
    }
}
