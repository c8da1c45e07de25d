package ca.constituent.riding;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks Open North's Represent API which 2023 riding a postal code is in, within a client-side request budget and
 * behind a circuit breaker ({@link RepresentGuard}), and keeps every answer in PostgreSQL ({@code represent_answer})
 * for a TTL so a postal code is asked once. Recent answers are also kept in memory so cached lookups need no round trip. Every failure
 * (timeout, error, budget spent, open circuit) yields an empty answer: the caller falls back to local data.
 */
@ApplicationScoped
class RepresentProvider {

    /** Ridings Represent named for a postal code, most likely first; empty when it knew none. */
    record Answer(List<String> fedCodes, Instant expiresAt) {

        boolean isFresh() {
            return expiresAt.isAfter(Instant.now());
        }
    }

    private static final Pattern FED_CODE = Pattern.compile("[0-9]{5}");

    private final RepresentClient client;
    private final RidingConfig.Represent config;
    private final AgroalDataSource dataSource;
    private final RepresentGuard guard;
    private final Map<String, Answer> memory = new ConcurrentHashMap<>();
    private volatile Instant readUpTo = Instant.EPOCH;

    RepresentProvider(@RestClient RepresentClient client, RidingConfig config, AgroalDataSource dataSource) {
        this.client = client;
        this.config = config.represent();
        this.dataSource = dataSource;
        this.guard = new RepresentGuard(this.config);
    }

    boolean enabled() {
        return config.enabled();
    }

    boolean onlyWhenAmbiguous() {
        return config.onlyWhenAmbiguous();
    }

    /** A fresh answer kept in memory, without any I/O. */
    Optional<Answer> cachedInMemory(PostalCode postalCode) {
        Answer answer = memory.get(postalCode.value());
        return answer != null && answer.isFresh() ? Optional.of(answer) : Optional.empty();
    }

    /** A fresh answer from memory or, failing that, from PostgreSQL (another instance may have asked). */
    Optional<Answer> cached(PostalCode postalCode) {
        Optional<Answer> inMemory = cachedInMemory(postalCode);
        if (inMemory.isPresent()) {
            return inMemory;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT fed_codes, expires_at FROM represent_answer WHERE postal_code = ? AND expires_at > now()")) {
            select.setString(1, postalCode.value());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    Answer answer = new Answer(split(rs.getString(1)), rs.getTimestamp(2).toInstant());
                    remember(postalCode.value(), answer);
                    return Optional.of(answer);
                }
            }
        } catch (SQLException e) {
            Log.warnf("Represent cache unreadable: %s", e.getSQLState());
        }
        return Optional.empty();
    }

    /**
     * Asks Represent, unless the circuit is open or the request budget is spent. An answer (including "no riding")
     * is stored; a failure is not, and yields empty.
     */
    Optional<Answer> ask(PostalCode postalCode) {
        Optional<List<String>> fedCodes = guard.call(postalCode.masked(), () -> fetch(postalCode));
        if (fedCodes.isEmpty()) {
            return Optional.empty();
        }
        Duration ttl = fedCodes.get().isEmpty() ? config.unknownTtl() : config.cacheTtl();
        Answer answer = new Answer(fedCodes.get(), Instant.now().plus(ttl));
        store(postalCode, answer);
        return Optional.of(answer);
    }

    private List<String> fetch(PostalCode postalCode) {
        RepresentClient.Postcode postcode;
        try {
            postcode = client.postcode(postalCode.value().replace(" ", ""));
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return List.of();
            }
            throw e;
        }
        List<String> fedCodes = federal(postcode.concordance());
        return fedCodes.isEmpty() ? federal(postcode.centroid()) : fedCodes;
    }

    private List<String> federal(List<RepresentClient.Boundary> boundaries) {
        List<String> fedCodes = new ArrayList<>();
        if (boundaries != null) {
            for (RepresentClient.Boundary b : boundaries) {
                if (isFederal2023(b.boundarySetName()) && b.externalId() != null
                        && FED_CODE.matcher(b.externalId()).matches() && !fedCodes.contains(b.externalId())) {
                    fedCodes.add(b.externalId());
                }
            }
        }
        return fedCodes;
    }

    private boolean isFederal2023(String setName) {
        String wanted = config.boundarySet();
        return setName != null && (setName.equalsIgnoreCase(wanted) || setName.equalsIgnoreCase(wanted + "s")
                || (setName + "s").equalsIgnoreCase(wanted));
    }

    private void store(PostalCode postalCode, Answer answer) {
        remember(postalCode.value(), answer);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO represent_answer (postal_code, fed_codes, fetched_at, expires_at)
                     VALUES (?, ?, now(), ?)
                     ON CONFLICT (postal_code) DO UPDATE
                     SET fed_codes = excluded.fed_codes, fetched_at = excluded.fetched_at,
                         expires_at = excluded.expires_at
                     """)) {
            upsert.setString(1, postalCode.value());
            upsert.setString(2, String.join(",", answer.fedCodes()));
            upsert.setTimestamp(3, Timestamp.from(answer.expiresAt()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            Log.warnf("Represent answer not cached: %s", e.getSQLState());
        }
    }

    /** Reads answers stored since the last read (by any instance) into memory, and forgets expired ones. */
    void readCache() {
        memory.values().removeIf(answer -> !answer.isFresh());
        Instant from = readUpTo;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT postal_code, fed_codes, expires_at, fetched_at FROM represent_answer
                     WHERE fetched_at >= ? AND expires_at > now() ORDER BY fetched_at
                     """)) {
            select.setTimestamp(1, Timestamp.from(from));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    remember(rs.getString(1), new Answer(split(rs.getString(2)), rs.getTimestamp(3).toInstant()));
                    readUpTo = rs.getTimestamp(4).toInstant();
                }
            }
        } catch (SQLException e) {
            Log.warnf("Represent cache unreadable: %s", e.getSQLState());
        }
    }

    /**
     * Forgets every cached answer, in memory and in PostgreSQL, closes the circuit and restores the request budget,
     * so every postal code is asked again.
     */
    void reset() {
        guard.reset();
        memory.clear();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM represent_answer")) {
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Represent cache not cleared: " + e.getSQLState(), e);
        }
    }

    private void remember(String postalCode, Answer answer) {
        if (memory.size() < config.memoryEntries() || memory.containsKey(postalCode)) {
            memory.put(postalCode, answer);
        }
    }

    private static List<String> split(String fedCodes) {
        return fedCodes.isEmpty() ? List.of() : List.copyOf(Arrays.asList(fedCodes.split(",")));
    }
}
