package ca.constituent.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells a database that is away or refuses writes (the request may succeed if retried in a few seconds: 503) from a
 * failure of the request itself (500). Looks through wrappers (Hibernate, transactions, completion stages) for the
 * {@link SQLException} underneath.
 */
public final class DatabaseFailures {

    /** What the pool says when no connection came within {@code quarkus.datasource.jdbc.acquisition-timeout}. */
    private static final String ACQUISITION_TIMEOUT = "Sorry, acquisition timeout";

    /**
     * SQL states of a server that cannot serve now: 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot
     * connect now (starting or stopping), 25006 read-only transaction (a standby after failover). Classes 08
     * (connection) and 53 (insufficient resources) are added whole.
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "25006");

    private DatabaseFailures() {
    }

    /**
     * True when {@code failure} or one of its causes says the database is unreachable, shutting down, out of
     * resources ({@code 53xxx}: disk full, out of memory, too many connections) or the pool gave up waiting.
     */
    public static boolean isUnavailable(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && isUnavailable(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailable(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        if (state == null) {
            return e.getMessage() != null && e.getMessage().startsWith(ACQUISITION_TIMEOUT);
        }
        return state.startsWith("08") || state.startsWith("53") || STATES.contains(state);
    }

    /** The SQL state of the first {@link SQLException} in the chain, for logs (messages may quote values). */
    public static String sqlState(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "none";
    }
}
