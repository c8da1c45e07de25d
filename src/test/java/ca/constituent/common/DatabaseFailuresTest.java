package ca.constituent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** Which failures mean "the database is away, retry soon" (503) and which are the request's own (500). */
class DatabaseFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "53100", "53200", "53300", "57P01", "57P02", "57P03", "25006"})
    void serverAwayOrOutOfResourcesIsUnavailable(String state) {
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("away", state)), state);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23514", "22001", "40001", "40P01", "42P01", "XX000"})
    void theRequestsOwnFailureIsNot(String state) {
        assertFalse(DatabaseFailures.isUnavailable(new SQLException("own", state)), state);
    }

    @Test
    void thePoolGivingUpWaitingIsUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("Sorry, acquisition timeout!")));
        assertTrue(DatabaseFailures.isUnavailable(new SQLTransientConnectionException("no connection")));
        assertFalse(DatabaseFailures.isUnavailable(new SQLException("some other failure")));
    }

    @Test
    void wrappersAreLookedThrough() {
        PSQLException refused = new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        Throwable wrapped = new CompletionException(new PersistenceException(
                new GenericJDBCException("Unable to acquire JDBC Connection", refused)));
        assertTrue(DatabaseFailures.isUnavailable(wrapped));
        assertEquals("08001", DatabaseFailures.sqlState(wrapped));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException(new RuntimeException("boom"))));
        assertEquals("none", DatabaseFailures.sqlState(new IllegalStateException()));
    }
}
