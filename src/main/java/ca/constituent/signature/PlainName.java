package ca.constituent.signature;

import java.util.regex.Pattern;

/**
 * A name is a plain name: it goes into the greeting of a mail to whatever address was typed, so it must not carry
 * a link, an address or a domain an attacker wants read ("Account locked – visit evil.example").
 */
final class PlainName {

    /** More than this many digits is a number, not a name. */
    static final int MAX_DIGITS = 3;

    private static final Pattern LINK = Pattern.compile("(?i)(://|www\\.|@|\\bhttps?\\b)");
    /** {@code word.tld} with a lower- or upper-case top-level domain: St.Laurent stays a name, evil.com does not. */
    private static final Pattern DOMAIN = Pattern.compile("[\\p{L}\\p{N}-]+\\.(?:[a-z]{2,24}|[A-Z]{2,24})\\b");

    private PlainName() {
    }

    static boolean isPlain(String name) {
        if (LINK.matcher(name).find() || DOMAIN.matcher(name).find()) {
            return false;
        }
        return name.chars().filter(Character::isDigit).count() <= MAX_DIGITS;
    }
}
