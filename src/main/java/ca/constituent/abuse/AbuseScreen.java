package ca.constituent.abuse;

import ca.constituent.common.ProblemException;
import ca.constituent.common.ProblemException.Invalid;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Screens a signer before intake: the lists, the honeypot and the proof of work, all in memory. The rate limits
 * themselves are counted in the database, in the statement that writes the signature ({@link Screening#exempt()}
 * tells it to skip them).
 */
@ApplicationScoped
public class AbuseScreen {

    /** Why a signature is held whatever the limits say: {@code blocked}, {@code honeypot}, or none. */
    public record Screening(String heldReason, boolean exempt, String proofOfWork, OffsetDateTime proofExpiresAt) {
    }

    /** What the request carried besides the signature. */
    public record Client(String address, String honeypot, String proofOfWork) {
    }

    private final AbuseLists lists;
    private final ProofOfWork proofOfWork;

    AbuseScreen(AbuseLists lists, ProofOfWork proofOfWork) {
        this.lists = lists;
        this.proofOfWork = proofOfWork;
    }

    /**
     * @throws ProblemException 400 ({@code altcha} field) when proof of work is on and the request carries no valid
     *                          solution; the form shows it as a field error that says JavaScript is needed
     */
    public Screening screen(Client client, String email) {
        ProofOfWork.Solved solved = null;
        if (proofOfWork.enabled()) {
            if (client.proofOfWork() == null || client.proofOfWork().isBlank()) {
                throw ProblemException.invalid(List.of(new Invalid("altcha", "field.altcha.required")), null);
            }
            solved = proofOfWork.verify(client.proofOfWork()).orElseThrow(() -> ProblemException.invalid(
                    List.of(new Invalid("altcha", "field.altcha.invalid")), null));
        }
        String challenge = solved == null ? null : solved.challenge();
        OffsetDateTime expires = solved == null ? null : solved.expiresAt();
        if (client.honeypot() != null && !client.honeypot().isBlank()) {
            return new Screening("honeypot", false, challenge, expires);
        }
        return switch (lists.check(client.address(), email)) {
            case BLOCKED -> new Screening("blocked", false, challenge, expires);
            case ALLOWED -> new Screening(null, true, challenge, expires);
            case NEUTRAL -> new Screening(null, false, challenge, expires);
        };
    }
}
