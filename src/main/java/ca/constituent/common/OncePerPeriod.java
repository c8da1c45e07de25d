package ca.constituent.common;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Lets a periodic job run once per period across all replicas. Every replica's scheduler fires; the first to claim
 * the job's row in {@code scheduled_job} runs it, the others find it ran less than a period ago and skip. Called
 * inside the job's transaction, the claim holds the row until the job commits and is undone if the job fails, so a
 * failed run is retried by whichever replica fires next.
 */
@ApplicationScoped
public class OncePerPeriod {

    /** Timers drift; a run this much earlier than a full period after the last one still counts as due. */
    private static final double SLACK = 0.9;

    private static final String CLAIM = """
            INSERT INTO scheduled_job AS j (name, last_run_at, last_run_by) VALUES (?, now(), ?)
            ON CONFLICT (name) DO UPDATE
                SET last_run_at = now(), last_run_by = excluded.last_run_by, runs = j.runs + 1
                WHERE j.last_run_at <= now() - make_interval(secs => ?)
            RETURNING runs
            """;

    /** This instance, as the pod's host name and process id show it (RuntimeMXBean's pid@host). */
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final AgroalDataSource dataSource;

    OncePerPeriod(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * True when {@code job} is due: no replica ran it within the last {@code period}. Inside a transaction, uses and
     * holds its connection until commit.
     */
    public boolean claim(String job, Duration period) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(CLAIM)) {
            statement.setString(1, job);
            statement.setString(2, INSTANCE);
            statement.setDouble(3, period.toMillis() * SLACK / 1000.0);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("claiming job " + job + " failed with SQL state " + e.getSQLState(), e);
        }
    }
}
