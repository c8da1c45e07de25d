package ca.constituent.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default claim ({@link MailKind#oldestDue}) reads due rows from the table's partial index in the order they
 * leave, and stops at the batch: no sort of the whole queue. A queue that grows faster than it drains (intake
 * outrunning the mail) would otherwise make every claim slower than the last (V107; docs/performance.md).
 */
@QuarkusTest
class ClaimPlanTest {

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest
    @ValueSource(strings = {"confirmation_mail", "letter_copy"})
    void theClaimReadsTheDueIndexInOrderWithoutSortingTheQueue(String table) throws SQLException {
        String plan = plan(table);
        assertTrue(plan.contains("Index Scan using " + table + "_due on " + table), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    /**
     * The claim's plan when the planner may not read the whole table: what it chooses for a queue of any length,
     * whatever the statistics say of it now.
     */
    private String plan(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off");
            }
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement explain = connection.prepareStatement(
                    "EXPLAIN (COSTS OFF) " + MailKind.oldestDue(table))) {
                explain.setInt(1, 50);
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
            } finally {
                connection.rollback();
            }
            return plan.toString();
        }
    }
}
