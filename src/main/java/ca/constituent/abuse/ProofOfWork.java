package ca.constituent.abuse;

import ca.constituent.common.Keys;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.altcha.altcha.Altcha;

/**
 * ALTCHA proof of work: challenges signed with a key derived from the server secret, so any replica verifies any
 * replica's challenge. A solution is checked here (signature, work, expiry); that it is used only once is checked
 * when the signature is written, in the same statement, against {@code proof_of_work_spent}.
 */
@ApplicationScoped
public class ProofOfWork {

    /** A verified solution: the challenge it solved (spent once) and until when it could be used. */
    public record Solved(String challenge, OffsetDateTime expiresAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AbuseConfig.ProofOfWork config;
    private final String hmacKey;

    ProofOfWork(AbuseConfig config, Keys keys) {
        this.config = config.proofOfWork();
        this.hmacKey = keys.hash("altcha", "hmac-key", 43);
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** A fresh challenge, valid for the configured expiry. */
    public Altcha.Challenge challenge() {
        try {
            return Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setAlgorithm(Altcha.Algorithm.SHA256)
                    .setMaxNumber(config.maxNumber())
                    .setHmacKey(hmacKey)
                    .setExpiresInSeconds(config.expiry().toSeconds()));
        } catch (Exception e) {
            throw new IllegalStateException("ALTCHA challenge not created", e);
        }
    }

    /** The challenge a base64 ALTCHA payload solves, when the solution is right and not expired. */
    public Optional<Solved> verify(String payload) {
        if (payload == null || payload.isBlank() || payload.length() > 2000) {
            return Optional.empty();
        }
        try {
            if (!Altcha.verifySolution(payload.strip(), hmacKey, true)) {
                return Optional.empty();
            }
            String json = new String(java.util.Base64.getDecoder().decode(payload.strip()),
                    java.nio.charset.StandardCharsets.UTF_8);
            String challenge = JSON.readTree(json).path("challenge").asText("");
            if (challenge.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Solved(challenge, OffsetDateTime.now().plus(config.expiry())));
        } catch (Exception e) {
            Log.debugf("ALTCHA payload refused: %s", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
