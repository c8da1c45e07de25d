package ca.constituent.mpemail;

import ca.constituent.riding.MpChanged;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Letters never go to a former MP: when a riding's MP changes, in the same transaction, its queued and held letters
 * are re-addressed to the new MP (the former MP's name in the subject and body replaced by the new one's), or held
 * ({@code held}, with the reason) while the seat is vacant or the new MP's address is unknown. The outbox claims
 * only {@code queued} letters; a letter already claimed ({@code sending}) when the change commits was handed to the
 * mail server before it.
 */
@ApplicationScoped
class LetterReaddressing {

    private final EntityManager em;

    LetterReaddressing(EntityManager em) {
        this.em = em;
    }

    void follow(@Observes MpChanged change) {
        int readdressed = 0;
        int held = 0;
        for (MpChanged.Seat seat : change.seats()) {
            if (seat.after() == null || seat.after().email() == null) {
                held += hold(seat.fedCode(), seat.after() == null ? "seat-vacant" : "mp-email-unknown");
            } else {
                readdressed += readdress(seat);
            }
        }
        if (readdressed + held > 0) {
            Log.infof("MP change in %d ridings: %d letters re-addressed, %d held", change.seats().size(),
                    readdressed, held);
        }
    }

    private int hold(String fedCode, String reason) {
        return em.createNativeQuery("""
                        UPDATE mp_email SET status = 'held', held_reason = ?2
                        WHERE fed_code = ?1 AND status IN ('queued', 'held')
                        """)
                .setParameter(1, fedCode).setParameter(2, reason).executeUpdate();
    }

    private int readdress(MpChanged.Seat seat) {
        return em.createNativeQuery("""
                        UPDATE mp_email SET to_name = ?2, to_email = ?3, mp_term_id = ?4,
                            subject = left(replace(subject, to_name, ?2), 200), body = replace(body, to_name, ?2),
                            status = 'queued', held_reason = NULL, next_attempt_at = now(), readdressed_at = now()
                        WHERE fed_code = ?1 AND status IN ('queued', 'held')
                          AND (to_name <> ?2 OR to_email <> ?3 OR status = 'held')
                        """)
                .setParameter(1, seat.fedCode()).setParameter(2, seat.after().name())
                .setParameter(3, seat.after().email()).setParameter(4, seat.termId()).executeUpdate();
    }
}
