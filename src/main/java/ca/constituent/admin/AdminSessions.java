package ca.constituent.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Server-side sessions. The form-authentication cookie carries a random token as its principal name; the table holds
 * the token's SHA-256, so a session can be ended (sign-out, disabled account, new password) and expires after
 * {@code idle} without requests or {@code absolute} in all, whatever the cookie says.
 */
@ApplicationScoped
class AdminSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final AdminConfig config;

    AdminSessions(EntityManager em, AdminConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Starts a session for the account and returns its token (a new one at every sign-in). */
    @Transactional
    String start(long adminUserId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.createNativeQuery("INSERT INTO admin_session (token_hash, admin_user_id) VALUES (?1, ?2)")
                .setParameter(1, hash(token)).setParameter(2, adminUserId).executeUpdate();
        em.createNativeQuery("UPDATE admin_user SET last_login_at = now() WHERE id = ?1")
                .setParameter(1, adminUserId).executeUpdate();
        return token;
    }

    /** The signed-in account of a live session, marking it used; empty when ended, expired or disabled. */
    @Transactional
    Optional<SignedIn> resume(String token) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                UPDATE admin_session s SET last_seen_at = now()
                FROM admin_user u
                WHERE s.token_hash = ?1 AND u.id = s.admin_user_id AND u.disabled_at IS NULL
                  AND s.created_at > now() - make_interval(secs => ?2)
                  AND s.last_seen_at > now() - make_interval(secs => ?3)
                RETURNING u.id, u.email, u.display_name, u.role
                """)
                .setParameter(1, hash(token))
                .setParameter(2, (double) config.session().absolute().toSeconds())
                .setParameter(3, (double) config.session().idle().toSeconds())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new SignedIn(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                token));
    }

    @Transactional
    void end(String token) {
        em.createNativeQuery("DELETE FROM admin_session WHERE token_hash = ?1")
                .setParameter(1, hash(token)).executeUpdate();
    }

    @Transactional
    void endAllOf(long adminUserId) {
        em.createNativeQuery("DELETE FROM admin_session WHERE admin_user_id = ?1")
                .setParameter(1, adminUserId).executeUpdate();
    }

    /** Removes sessions that can no longer be resumed. */
    @Transactional
    int purge() {
        Duration absolute = config.session().absolute();
        return em.createNativeQuery("DELETE FROM admin_session WHERE created_at < now() - make_interval(secs => ?1)"
                        + " OR last_seen_at < now() - make_interval(secs => ?2)")
                .setParameter(1, (double) absolute.toSeconds())
                .setParameter(2, (double) config.session().idle().toSeconds())
                .executeUpdate();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
