package ca.constituent.signature;

import java.util.Locale;
import java.util.Set;

/**
 * The mailbox an address delivers to, used to find a signer who signs twice. Case never matters. Dots and
 * {@code +tags} are dropped only where the provider itself ignores them, so two people at a provider that keeps
 * them apart stay two signers.
 */
public final class CanonicalEmail {

    /** Providers that ignore dots in the local part and deliver {@code name+tag} to {@code name}. */
    private static final Set<String> DOTS_AND_TAGS = Set.of("gmail.com", "googlemail.com");

    /** Providers that deliver {@code name+tag} to {@code name} but treat dots as significant. */
    private static final Set<String> TAGS_ONLY = Set.of(
            "outlook.com", "hotmail.com", "live.com", "msn.com", "outlook.fr", "hotmail.fr", "live.ca",
            "icloud.com", "me.com", "mac.com", "fastmail.com", "fastmail.fm",
            "protonmail.com", "protonmail.ch", "proton.me", "pm.me");

    private CanonicalEmail() {
    }

    /** The canonical form of an address already checked by {@link EmailAddress}. */
    public static String of(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        String local = lower.substring(0, at);
        String domain = lower.substring(at + 1);
        if (domain.equals("googlemail.com")) {
            domain = "gmail.com";
        }
        if (DOTS_AND_TAGS.contains(domain)) {
            local = stripTag(local).replace(".", "");
        } else if (TAGS_ONLY.contains(domain)) {
            local = stripTag(local);
        }
        return local + "@" + domain;
    }

    /**
     * The mailbox an address delivers to, for the confirmation-mail budget: like {@link #of} but with the
     * {@code +tag} removed for every domain, since most servers deliver {@code jane+1@} to {@code jane@}.
     */
    static String mailbox(String email) {
        String canonical = of(email);
        int at = canonical.lastIndexOf('@');
        return stripTag(canonical.substring(0, at)) + canonical.substring(at);
    }

    private static String stripTag(String local) {
        int plus = local.indexOf('+');
        return plus > 0 ? local.substring(0, plus) : local;
    }
}
