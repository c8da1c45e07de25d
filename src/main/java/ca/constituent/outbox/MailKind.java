package ca.constituent.outbox;

import io.quarkus.mailer.Mail;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A kind of mail the {@link Outbox} delivers. Kinds differ only in which due rows leave first and how a row reads
 * as a mail; claiming, leases, backoff and marking rows sent or failed are the outbox's, the same for every kind.
 *
 * <p>A kind's table has the outbox columns: {@code id}, {@code status} ({@code queued}, {@code sending},
 * {@code sent}, {@code failed}; any other status is left alone), {@code attempts}, {@code next_attempt_at},
 * {@code claimed_at}, {@code sent_at} and {@code last_error}.
 */
public interface MailKind<T extends MailKind.Row> {

    /** A claimed row: its id, and which attempt this send is (1 for the first). */
    interface Row {
        long id();

        int attempts();
    }

    /** The table of this kind's rows; also names the kind in logs. */
    String table();

    /**
     * Ids of at most {@code max} due rows, in the order they should leave, locked {@code FOR UPDATE SKIP LOCKED}.
     * Runs inside the claim's transaction, under this kind's advisory lock. By default the oldest due rows first.
     */
    default List<Long> due(Connection connection, int max) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(oldestDue(table()))) {
            select.setInt(1, max);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    /**
     * The default {@link #due} query on {@code table}, one parameter: how many. The table's partial index on
     * {@code (next_attempt_at, id) WHERE status = 'queued'} gives the rows in this order, so a claim reads as many
     * index entries as it takes rows, however long the queue (V107).
     */
    static String oldestDue(String table) {
        return "SELECT id FROM " + table + " WHERE status = 'queued' AND next_attempt_at <= now()"
                + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED";
    }

    /** What {@link #compose} needs of the rows just claimed ({@code ids}), in the claim's transaction. */
    List<T> load(Connection connection, Array ids) throws SQLException;

    /** The mail a claimed row becomes. */
    Mail compose(T row);
}
