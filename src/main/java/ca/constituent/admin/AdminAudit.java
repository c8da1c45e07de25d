package ca.constituent.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The audit log: who did what, when, to what, how many rows, from which (hashed) address. Written in the caller's
 * transaction, so an action and its record commit together. Later admin features record their writes and exports
 * with {@link #record}.
 */
@ApplicationScoped
public class AdminAudit {

    /** One line of the log. {@code actor} is the account's address, or "-" when unknown (failed sign-in). */
    public record Entry(Long adminUserId, String actor, String action, String target, Integer rowCount,
                        String ipHash) {

        static Entry system(String action, String target, int rows) {
            return new Entry(null, "command-line", action, target, rows, null);
        }

        static Entry by(SignedIn who, String action, String target, Integer rows, String ipHash) {
            return new Entry(who.userId(), who.email(), action, target, rows, ipHash);
        }
    }

    /** A line as the audit page shows it. */
    @io.quarkus.qute.TemplateData
    record Line(long id, OffsetDateTime at, String actor, String action, String target, Integer rowCount,
                String ipHash) {
    }

    private final EntityManager em;

    AdminAudit(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void record(Entry entry) {
        em.createNativeQuery("""
                INSERT INTO admin_audit (admin_user_id, actor, action, target, row_count, ip_hash)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                """)
                .setParameter(1, entry.adminUserId())
                .setParameter(2, entry.actor())
                .setParameter(3, entry.action())
                .setParameter(4, entry.target())
                .setParameter(5, entry.rowCount())
                .setParameter(6, entry.ipHash())
                .executeUpdate();
    }

    /** Newest first, {@code limit} lines older than line {@code before} (keyset; null for the newest). */
    @SuppressWarnings("unchecked")
    List<Line> page(Long before, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, at, actor, action, target, row_count, ip_hash FROM admin_audit
                WHERE id < ?1
                ORDER BY id DESC LIMIT ?2
                """, Object[].class)
                .setParameter(1, before == null ? Long.MAX_VALUE : before)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(r -> new Line(((Number) r[0]).longValue(), toOffset(r[1]), (String) r[2],
                (String) r[3], (String) r[4], r[5] == null ? null : ((Number) r[5]).intValue(), (String) r[6]))
                .toList();
    }

    static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return value == null ? null : ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
