package ca.constituent.abuse;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of a block or allow list: an IP range, an email domain or an email address.
 *
 * @param id null for entries that come from configuration (they cannot be removed at run time)
 */
public record AbuseRule(Long id, String list, String kind, String value, String note, OffsetDateTime createdAt) {

    public static final String BLOCK = "block";
    public static final String ALLOW = "allow";
    public static final String CIDR = "cidr";
    public static final String DOMAIN = "domain";
    public static final String ADDRESS = "address";

    /** The value in the form it is stored and compared in, or empty when it is not a valid value of its kind. */
    static Optional<String> normalise(String kind, String value) {
        if (value == null || value.isBlank() || value.length() > 254) {
            return Optional.empty();
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case CIDR -> Cidr.parse(v).map(Cidr::toString);
            case DOMAIN -> v.matches("(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,63}") ? Optional.of(v)
                    : Optional.empty();
            case ADDRESS -> v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? Optional.of(v) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
