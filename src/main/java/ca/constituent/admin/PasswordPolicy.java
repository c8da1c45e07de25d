package ca.constituent.admin;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Passwords of organiser accounts: at least 12 characters, not on the shipped list of common passwords
 * ({@code admin/common-passwords.txt}), stored only as bcrypt hashes of cost 12 (lower only in tests: see
 * {@link AdminConfig#passwordHashCost()}).
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int BCRYPT_COST = 12;
    /** The lowest cost bcrypt takes; only the test profile goes below {@link #BCRYPT_COST}. */
    static final int LOWEST_COST = 4;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Why the password is refused (a message key), or empty when it is acceptable. */
    static Optional<String> refusal(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("admin.password.too-short");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || COMMON.contains(lower.replaceAll("[0-9!@#$%^&*.]+$", ""))) {
            return Optional.of("admin.password.common");
        }
        String local = AdminUser.normalise(email).split("@")[0];
        if (local.length() >= 4 && lower.contains(local)) {
            return Optional.of("admin.password.contains-email");
        }
        return Optional.empty();
    }

    static String hash(String password, int cost) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /**
     * The configured cost, checked: below {@link #BCRYPT_COST} only when {@code lowerAllowed} (the test launch mode),
     * and never below bcrypt's lowest.
     *
     * @throws IllegalStateException for a cost the service must not run with
     */
    static int checkedCost(int configured, boolean lowerAllowed) {
        if (configured > 31 || configured < LOWEST_COST || configured < BCRYPT_COST && !lowerAllowed) {
            throw new IllegalStateException("constituent.admin.password-hash-cost must be between " + BCRYPT_COST
                    + " and 31, not " + configured);
        }
        return configured;
    }

    static boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }

    static int size() {
        return COMMON.size();
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream("admin/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("admin/common-passwords.txt is missing");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.trim().toLowerCase(Locale.ROOT);
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
