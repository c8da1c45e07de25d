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
 * The letters' fairness rule: due letters are taken round-robin across MP inboxes (one letter from each inbox with
 * letters due, each inbox's oldest first, then a second from each, and so on, each claim going on from the inbox
 * where the last one stopped), and no inbox gets more than its per-minute limit, so a backlog for one MP never holds
 * another's letters.
 */
@ApplicationScoped
class InboxTurns {

    /**
     * At most {@code :max} inboxes with due letters, visited in address order starting after the inbox the previous
     * claim ended on and wrapping around (two skip scans of {@code mp_email_due_by_inbox}, so a claim costs the
     * same however many MPs have letters waiting); each inbox's share of the claim in queue order; the claim's
     * letters by turn, then by visit.
     */
    private static final String DUE = """
            WITH RECURSIVE later (to_email, visit) AS (
                (SELECT to_email, 1 FROM mp_email WHERE status = 'queued' AND next_attempt_at <= now()
                   AND to_email > :after ORDER BY to_email LIMIT 1)
                UNION ALL
                SELECT (SELECT m.to_email FROM mp_email m
                        WHERE m.status = 'queued' AND m.next_attempt_at <= now() AND m.to_email > l.to_email
                        ORDER BY m.to_email LIMIT 1), l.visit + 1
                FROM later l WHERE l.to_email IS NOT NULL AND l.visit < :max
            ), earlier (to_email, visit) AS (
                (SELECT to_email, :max + 1 FROM mp_email WHERE status = 'queued' AND next_attempt_at <= now()
                   AND to_email <= :after ORDER BY to_email LIMIT 1)
                UNION ALL
                SELECT (SELECT m.to_email FROM mp_email m
                        WHERE m.status = 'queued' AND m.next_attempt_at <= now() AND m.to_email > e.to_email
                          AND m.to_email <= :after
                        ORDER BY m.to_email LIMIT 1), e.visit + 1
                FROM earlier e WHERE e.to_email IS NOT NULL AND e.visit < 2 * :max
            ), inbox AS (
                SELECT to_email, visit FROM (SELECT * FROM later UNION ALL SELECT * FROM earlier) v
                WHERE to_email IS NOT NULL ORDER BY visit LIMIT :max
            ), share AS (
                SELECT least(:cap, ceil(:max::numeric / greatest(count(*), 1)))::int AS n FROM inbox
            ), turns AS (
                SELECT l.id, i.visit,
                       row_number() OVER (PARTITION BY i.to_email ORDER BY l.next_attempt_at, l.id) AS turn
                FROM inbox i CROSS JOIN share
                CROSS JOIN LATERAL (SELECT id, next_attempt_at FROM mp_email e
                                    WHERE status = 'queued' AND next_attempt_at <= now() AND to_email = i.to_email
                                      -- an invalidated signer's letter waits, and leaves if the signature is restored
                                      AND NOT EXISTS (SELECT 1 FROM signature s
                                                      WHERE s.id = e.signature_id AND s.state = 'invalidated')
                                    ORDER BY next_attempt_at, id LIMIT share.n) l
            )
            SELECT m.id, m.to_email, t.visit FROM mp_email m JOIN turns t ON t.id = m.id
            ORDER BY t.turn, t.visit
            LIMIT :max
            FOR UPDATE OF m SKIP LOCKED
            """;

    /** {@link #DUE} with JDBC parameters, and the name of each in order. */
    private static final String DUE_SQL = DUE.replaceAll(":(after|max|cap)\\b", "?");
    private static final List<String> DUE_PARAMETERS = java.util.regex.Pattern.compile(":(after|max|cap)\\b")
            .matcher(DUE).results().map(m -> m.group(1)).toList();

    /** Letters sent or being sent to each of these inboxes within the last minute. */
    private static final String RECENT = """
            SELECT to_email, count(*) FROM mp_email
            WHERE status IN ('sending', 'sent') AND to_email = ANY (?)
              AND coalesce(sent_at, claimed_at) > now() - interval '1 minute'
            GROUP BY to_email
            """;

    private final MpEmailConfig config;

    /** The inbox the last claim of this process ended on; the next one starts after it. */
    private volatile String after = "";

    InboxTurns(MpEmailConfig config) {
        this.config = config;
    }

    /** Ids of at most {@code max} due letters, by turn, within each inbox's limit; locked for the claim. */
    List<Long> due(Connection connection, int max) throws SQLException {
        int limit = config.perInboxPerMinute();
        List<Long> ids = new ArrayList<>();
        List<String> inboxes = new ArrayList<>();
        int lastVisit = 0;
        String lastInbox = after;
        try (PreparedStatement select = connection.prepareStatement(DUE_SQL)) {
            for (int i = 0; i < DUE_PARAMETERS.size(); i++) {
                switch (DUE_PARAMETERS.get(i)) {
                    case "after" -> select.setString(i + 1, after);
                    case "max" -> select.setInt(i + 1, max);
                    default -> select.setInt(i + 1, limit > 0 ? limit : max);
                }
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                    inboxes.add(rows.getString(2));
                    if (rows.getInt(3) > lastVisit) {
                        lastVisit = rows.getInt(3);
                        lastInbox = rows.getString(2);
                    }
                }
            }
        }
        after = lastInbox;
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
