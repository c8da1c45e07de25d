package ca.constituent.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Every state change of an outbox row, for every kind, in one place: claim ({@code queued} to {@code sending}),
 * sent, failed, queued again after a backoff, a lease run out, a graceful stop, or an admin's retry.
 */
@ApplicationScoped
class OutboxRows {

    /** Marks rows of table {@code %s} sent; its parameters are the error text (null) and the row ids. */
    private static final String SENT = "UPDATE %s SET status = 'sent', sent_at = now(), last_error = ?"
            + " WHERE id = ANY (?) AND status = 'sending'";

    private final AgroalDataSource dataSource;

    OutboxRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Marks the rows in {@code sent} sent and claims at most {@code max} due rows of {@code kind}, in one short
     * transaction (one commit for both, so recording answers and refilling the window cost one round trip to disk),
     * under the kind's advisory lock (so replicas claim one after the other and a kind's per-recipient limit holds
     * across them); returns the rows claimed. When the claim fails, the sent rows are still marked.
     */
    <T extends MailKind.Row> List<T> claim(MailKind<T> kind, Collection<Long> sent, int max) {
        if (max <= 0) {
            sent(kind.table(), sent);
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, SENT.formatted(kind.table()), null, sent);
                List<T> claimed = claimDue(connection, kind, max);
                connection.commit();
                return claimed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            Log.errorf("Claiming from %s failed with SQL state %s", kind.table(), e.getSQLState());
            sent(kind.table(), sent);
            return List.of();
        }
    }

    private static <T extends MailKind.Row> List<T> claimDue(Connection connection, MailKind<T> kind, int max)
            throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "outbox:" + kind.table());
            lock.execute();
        }
        List<Long> due = kind.due(connection, max);
        if (due.isEmpty()) {
            return List.of();
        }
        var ids = connection.createArrayOf("bigint", due.toArray());
        try (PreparedStatement mark = connection.prepareStatement("UPDATE " + kind.table()
                + " SET status = 'sending', claimed_at = now(), attempts = attempts + 1 WHERE id = ANY (?)")) {
            mark.setArray(1, ids);
            mark.executeUpdate();
        }
        return kind.load(connection, ids);
    }

    /** The SMTP server accepted these rows' mails. */
    void sent(String table, Collection<Long> ids) {
        update(SENT.formatted(table), null, ids);
    }

    /** A permanent failure, or the last attempt: the row is not tried again. */
    void failed(String table, long id, String error) {
        update("UPDATE " + table + " SET status = 'failed', last_error = ? WHERE id = ANY (?) AND status = 'sending'",
                error, List.of(id));
    }

    /** A transient failure: queued again, due {@code after} from now. */
    void retryLater(String table, long id, String error, Duration after) {
        update("UPDATE " + table + " SET status = 'queued', last_error = ?, next_attempt_at = now()"
                + " + make_interval(secs => " + after.toSeconds() + ") WHERE id = ANY (?) AND status = 'sending'",
                error, List.of(id));
    }

    /** Rows this process claimed and will not send (it is stopping): due again at once, for any replica. */
    void release(String table, Collection<Long> ids) {
        update("UPDATE " + table + " SET status = 'queued', next_attempt_at = now(), last_error = ?"
                + " WHERE id = ANY (?) AND status = 'sending'", "released unanswered at shutdown", ids);
    }

    /** Rows left in {@code sending} past the lease belong to a process that died: due again at once. */
    int reclaimExpired(String table, Duration lease) {
        return update("UPDATE " + table + " SET status = 'queued', next_attempt_at = now(), last_error = ?"
                + " WHERE status = 'sending' AND claimed_at < now() - make_interval(secs => " + lease.toSeconds()
                + ")", "lease expired in sending", null);
    }

    /** A failed row queued again with a fresh count of attempts; false, changing nothing, unless it is failed. */
    boolean retryFailed(String table, long id) {
        return update("UPDATE " + table + " SET status = 'queued', attempts = 0, next_attempt_at = now(),"
                + " last_error = ? WHERE id = ANY (?) AND status = 'failed'", null, List.of(id)) == 1;
    }

    /** Runs {@code sql}, whose parameters are the error text and, unless {@code ids} is null, the row ids. */
    private int update(String sql, String error, Collection<Long> ids) {
        if (ids != null && ids.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection()) {
            return execute(connection, sql, error, ids);
        } catch (SQLException e) {
            Log.errorf("Updating outbox rows failed with SQL state %s", e.getSQLState());
            return 0;
        }
    }

    private static int execute(Connection connection, String sql, String error, Collection<Long> ids)
            throws SQLException {
        if (ids != null && ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, error);
            if (ids != null) {
                statement.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
            }
            return statement.executeUpdate();
        }
    }
}
