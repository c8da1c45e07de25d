package ca.constituent.common;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes derived from the server secret. Nothing derived here is stored: a signer key is recomputed when a
 * link comes back, and an IP address is kept only as its hash.
 */
@ApplicationScoped
@Startup
public class Keys {

    /** The example value shipped in docker/.env.example: a service started with it has a public secret. */
    static final String EXAMPLE_SECRET = "change-me-to-a-long-random-string-of-32-chars-or-more";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    Keys(AppConfig config) {
        check(config.secret());
        this.key = new SecretKeySpec(config.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * Refuses a secret that is short or the shipped example, at start, so a misconfigured service never runs.
     *
     * @throws IllegalStateException with what to do, and never the secret itself
     */
    static void check(String secret) {
        if (secret == null || secret.strip().length() < 32) {
            throw new IllegalStateException("APP_SECRET (constituent.secret) must be at least 32 characters: "
                    + "generate one, e.g. with 'openssl rand -base64 48', and set it in the environment");
        }
        if (secret.strip().equalsIgnoreCase(EXAMPLE_SECRET) || secret.toLowerCase(java.util.Locale.ROOT)
                .startsWith("change-me")) {
            throw new IllegalStateException("APP_SECRET (constituent.secret) is the example value from "
                    + "docker/.env.example: generate a secret of your own, e.g. with 'openssl rand -base64 48'");
        }
    }

    /** A URL-safe keyed hash of {@code purpose:value}, {@code length} characters long (at most 43). */
    public String hash(String purpose, String value, int length) {
        Mac mac = macs.get();
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) ':');
        byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, length);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Compares a presented key with the expected one in constant time; null or blank never matches. */
    public static boolean matches(String expected, String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
