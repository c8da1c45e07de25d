package ca.constituent.signature;

import java.net.IDN;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Syntax and length checks for an email address a signer types: a dot-atom local part (no quoted strings, no
 * comments), at most 64 characters before the {@code @} and 254 in all, and a domain name with at least two labels.
 * Internationalised domains are kept in their ASCII (punycode) form, which every mail server accepts.
 */
final class EmailAddress {

    static final int MAX_LENGTH = 254;

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern TOP_LABEL = Pattern.compile("[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}");

    private EmailAddress() {
    }

    /** The address with its domain in ASCII, or empty when it is not a deliverable-looking address. */
    static Optional<String> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String email = input.strip();
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1 || email.length() > 320) {
            return Optional.empty();
        }
        String local = email.substring(0, at);
        String domain;
        try {
            domain = IDN.toASCII(email.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (local.length() > 64 || !LOCAL.matcher(local).matches() || domain.endsWith(".")) {
            return Optional.empty();
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || !TOP_LABEL.matcher(labels[labels.length - 1]).matches()) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(local + "@" + domain);
    }
}
