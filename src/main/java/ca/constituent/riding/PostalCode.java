package ca.constituent.riding;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Canadian postal code in its canonical form {@code A1A 1A1}. Parsing tolerates lower case, surrounding spaces,
 * no space and a hyphen between the halves. D, F, I, O, Q and U never appear; W and Z never come first.
 */
public record PostalCode(String value) {

    private static final Pattern CANONICAL =
            Pattern.compile("[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]");

    public PostalCode {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a canonical postal code");
        }
    }

    public static Optional<PostalCode> parse(String input) {
        if (input == null || input.length() > 16) {
            return Optional.empty();
        }
        String compact = input.strip().toUpperCase(Locale.ROOT);
        if (compact.length() == 7 && (compact.charAt(3) == ' ' || compact.charAt(3) == '-')) {
            compact = compact.substring(0, 3) + compact.substring(4);
        }
        if (compact.length() != 6) {
            return Optional.empty();
        }
        String canonical = compact.substring(0, 3) + ' ' + compact.substring(3);
        return CANONICAL.matcher(canonical).matches() ? Optional.of(new PostalCode(canonical)) : Optional.empty();
    }

    /** The forward sortation area: the first three characters. */
    public String fsa() {
        return value.substring(0, 3);
    }

    /**
     * The province or territory the postal code belongs to (two-letter abbreviation). X serves both territories:
     * X0A, X0B and X0C are Nunavut, the rest of X is the Northwest Territories.
     */
    public String province() {
        return switch (value.charAt(0)) {
            case 'A' -> "NL";
            case 'B' -> "NS";
            case 'C' -> "PE";
            case 'E' -> "NB";
            case 'G', 'H', 'J' -> "QC";
            case 'K', 'L', 'M', 'N', 'P' -> "ON";
            case 'R' -> "MB";
            case 'S' -> "SK";
            case 'T' -> "AB";
            case 'V' -> "BC";
            case 'X' -> fsa().matches("X0[ABC]") ? "NU" : "NT";
            case 'Y' -> "YT";
            default -> throw new IllegalStateException("unreachable: validated first letter");
        };
    }

    /** The first three characters and a mask, safe to log: {@code K1A ***}. */
    public String masked() {
        return fsa() + " ***";
    }

    @Override
    public String toString() {
        return value;
    }
}
