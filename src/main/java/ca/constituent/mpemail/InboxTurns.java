package ca.constituent.mpemail;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The letters' fairness rule: due letters are taken round-robin across MP inboxes (each inbox's oldest first, then
 * each one's second, and so on), and no inbox gets more than its per-minute limit, so a backlog for one MP never
 * holds another's letters.
 */
@ApplicationScoped
class InboxTurns {

    /**
     * Each inbox with due letters (a skip scan of {@code mp_email_due_by_inbox}), its share of the claim in queue
     * order, and the claim's letters by turn. Parameters: the share's cap (the per-inbox limit), the claim size
     * (twice: the share, the limit).
     */
    private static final String DUE = """
            WITH RECURSIVE inbox (to_email) AS (
                (SELECT to_email FROM mp_email WHERE status = 'queued' AND next_attempt_at <= now()
                 ORDER BY to_email LIMIT 1)
                UNION ALL
                SELECT (SELECT m.to_email FROM mp_email m
                        WHERE m.status = 'queued' AND m.next_attempt_at <= now() AND m.to_email > i.to_email
                        ORDER BY m.to_email LIMIT 1)
                FROM inbox i WHERE i.to_email IS NOT NULL
            ), share AS (
                SELECT least(?, ceil(?::numeric / greatest(count(*), 1)))::int AS n
                FROM inbox WHERE to_email IS NOT NULL
            ), turns AS (
                SELECT l.id, row_number() OVER (PARTITION BY i.to_email ORDER BY l.next_attempt_at, l.id) AS turn
                FROM inbox i CROSS JOIN share
                CROSS JOIN LATERAL (SELECT id, next_attempt_at FROM mp_email e
                                    WHERE status = 'queued' AND next_attempt_at <= now() AND to_email = i.to_email
                                      -- an invalidated signer's letter waits, and leaves if the signature is restored
                                      AND NOT EXISTS (SELECT 1 FROM signature s
                                                      WHERE s.id = e.signature_id AND s.state = 'invalidated')
                                    ORDER BY next_attempt_at, id LIMIT share.n) l
            )
            SELECT m.id, m.to_email FROM mp_email m JOIN turns t ON t.id = m.id
            ORDER BY t.turn, m.next_attempt_at, m.id
            LIMIT ?
            FOR UPDATE OF m SKIP LOCKED
            """;

    /** Letters sent or being sent to each of these inboxes within the last minute. */
    private static final String RECENT = """
            SELECT to_email, count(*) FROM mp_email
            WHERE status IN ('sending', 'sent') AND to_email = ANY (?)
              AND coalesce(sent_at, claimed_at) > now() - interval '1 minute'
            GROUP BY to_email
            """;

    private final MpEmailConfig config;

    InboxTurns(MpEmailConfig config) {
        this.config = config;
    }

    /** Ids of at most {@code max} due letters, by turn, within each inbox's limit; locked for the claim. */
    List<Long> due(Connection connection, int max) throws SQLException {
        int limit = config.perInboxPerMinute();
        List<Long> ids = new ArrayList<>();
        List<String> inboxes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(DUE)) {
            select.setInt(1, limit > 0 ? limit : max);
            select.setInt(2, max);
            select.setInt(3, max);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                    inboxes.add(rows.getString(2));
                }
            }
        }
        return limit > 0 ? withinLimits(connection, ids, inboxes, limit) : ids;
    }

    /** The due letters that fit under each inbox's limit for the last minute, in turn order. */
    private static List<Long> withinLimits(Connection connection, List<Long> due, List<String> inboxes, int limit)
            throws SQLException {
        Map<String, Integer> used = new HashMap<>();
        if (!due.isEmpty()) {
            try (PreparedStatement recent = connection.prepareStatement(RECENT)) {
                recent.setArray(1, connection.createArrayOf("text", inboxes.stream().distinct().toArray()));
                try (ResultSet rows = recent.executeQuery()) {
                    while (rows.next()) {
                        used.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
        }
        List<Long> chosen = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            int n = used.merge(inboxes.get(i), 1, Integer::sum);
            if (n <= limit) {
                chosen.add(due.get(i));
            }
        }
        return chosen;
    }
}
