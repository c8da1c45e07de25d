package ca.constituent.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Failed sign-ins per subject: an account (keyed hash of the address typed, whether or not an account has it) and an
 * IP address (keyed hash). {@code failures} within {@code lock} lock the subject for {@code lock}. Kept in PostgreSQL so
 * every replica sees the same counts.
 */
@ApplicationScoped
class SignInThrottle {

    private final EntityManager em;
    private final AdminConfig config;

    SignInThrottle(EntityManager em, AdminConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Whether any of the subjects is locked now. */
    @Transactional
    boolean locked(List<String> subjects) {
        Number n = (Number) em.createNativeQuery(
                        "SELECT count(*) FROM admin_sign_in_failure WHERE subject IN (?1) AND locked_until > now()")
                .setParameter(1, subjects)
                .getSingleResult();
        return n.longValue() > 0;
    }

    /** Counts a failure for each subject, starting a new window when the last one is over. */
    @Transactional
    void failed(List<String> subjects) {
        double window = config.throttle().lock().toSeconds();
        for (String subject : subjects) {
            em.createNativeQuery("""
                    INSERT INTO admin_sign_in_failure AS f (subject, failures, first_at)
                    VALUES (?1, 1, now())
                    ON CONFLICT (subject) DO UPDATE SET
                        failures = CASE WHEN f.first_at < now() - make_interval(secs => ?2) THEN 1
                                        ELSE f.failures + 1 END,
                        first_at = CASE WHEN f.first_at < now() - make_interval(secs => ?2) THEN now()
                                        ELSE f.first_at END
                    """).setParameter(1, subject).setParameter(2, window).executeUpdate();
            em.createNativeQuery("""
                    UPDATE admin_sign_in_failure SET locked_until = now() + make_interval(secs => ?2),
                        failures = 0, first_at = now()
                    WHERE subject = ?1 AND failures >= ?3
                    """).setParameter(1, subject).setParameter(2, window)
                    .setParameter(3, config.throttle().failures()).executeUpdate();
        }
    }

    /** A successful sign-in clears the account's count (not the address's). */
    @Transactional
    void succeeded(String accountSubject) {
        em.createNativeQuery("DELETE FROM admin_sign_in_failure WHERE subject = ?1 AND "
                        + "(locked_until IS NULL OR locked_until <= now())")
                .setParameter(1, accountSubject).executeUpdate();
    }
}
