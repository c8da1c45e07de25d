package ca.constituent.common;

import ca.constituent.common.ProblemException.Invalid;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one way the fields people type are normalised and checked, on every endpoint: names, subjects, notes,
 * letters, codes and coordinates. Collects every problem of a request so a form can show them all at once; the
 * messages are {@code field.<field>.invalid} (or {@code field.<field>.too-long} where the bundles have one) and
 * {@code field.required}, in English and French. One-line fields refuse line breaks and other control characters
 * anywhere, even at their ends, because several of them end up in mail headers.
 */
public final class Fields {

    /** The longest first or last name, in characters. */
    public static final int MAX_NAME = 100;
    /** The longest personal note a signer adds to their letter, in characters. */
    public static final int MAX_NOTE = 2000;

    /** Runs of spaces in a line, made one (compiled once: every name of every signature goes through it). */
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]{1,3}(\\.[0-9]{1,17})?");

    private final List<Invalid> invalid = new ArrayList<>();

    /** True when the value holds something other than white space. */
    public static boolean present(String raw) {
        return raw != null && !raw.isBlank();
    }

    /**
     * One line of text (a name, a subject): NFC, trimmed, runs of spaces made one, 1 to {@code max} characters.
     *
     * @param absentKey the message when the value is absent or blank, or null when it may be absent
     * @return the normalised text, or null when absent or invalid
     */
    public String line(String raw, String field, int max, String absentKey) {
        if (!present(raw)) {
            return absent(field, absentKey);
        }
        if (!PlainText.isPlainText(raw, false)) {
            return invalid(field);
        }
        return fits(SPACES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC).strip()).replaceAll(" "), field, max);
    }

    /** Several lines of text (a note, a letter): line breaks made {@code \n}, NFC, trimmed, at most {@code max}. */
    public String lines(String raw, String field, int max, String absentKey) {
        if (!present(raw)) {
            return absent(field, absentKey);
        }
        String text = Normalizer.normalize(raw.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC)
                .strip();
        if (!PlainText.isPlainText(text, true)) {
            return invalid(field);
        }
        return fits(text, field, max);
    }

    /** A value from a fixed set or of a fixed shape (a riding code, a yes/no answer), trimmed of spaces only. */
    public String code(String raw, String field, Pattern shape) {
        if (!present(raw)) {
            return null;
        }
        String code = raw.strip();
        if (!PlainText.isPlainText(raw, false) || !shape.matcher(code).matches()) {
            return invalid(field);
        }
        return code;
    }

    /**
     * A value another type parses (a postal code, an email address, a language), after the one-line check.
     *
     * @param absentKey the message when the value is absent or blank, or null when it may be absent
     */
    public <T> T parsed(String raw, String field, Function<String, Optional<T>> parser, String absentKey) {
        if (!present(raw)) {
            absent(field, absentKey);
            return null;
        }
        Optional<T> value = PlainText.isPlainText(raw, false) ? parser.apply(raw) : Optional.empty();
        if (value.isEmpty()) {
            invalid(field);
            return null;
        }
        return value.get();
    }

    /**
     * A coordinate in degrees from {@code -bound} to {@code bound}, sent as a JSON number or as text: a plain decimal
     * number (no exponent, hexadecimal, type suffix or digits of other scripts that {@code Double} would accept).
     */
    public Double coordinate(String raw, String field, double bound, String absentKey) {
        return parsed(raw, field, text -> {
            String number = text.strip();
            if (!DECIMAL.matcher(number).matches()) {
                return Optional.empty();
            }
            try {
                double value = Double.parseDouble(number);
                return Double.isFinite(value) && value >= -bound && value <= bound ? Optional.of(value)
                        : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }, absentKey);
    }

    /** Records a problem found outside these helpers. */
    public void add(String field, String messageKey) {
        invalid.add(new Invalid(field, messageKey));
    }

    public boolean valid() {
        return invalid.isEmpty();
    }

    /**
     * @throws ProblemException 400 {@code invalid-request} listing every invalid field, in the given language
     */
    public void check(Language language) {
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid, language);
        }
    }

    private <T> T absent(String field, String absentKey) {
        if (absentKey != null) {
            add(field, absentKey);
        }
        return null;
    }

    private String invalid(String field) {
        add(field, "field." + field + ".invalid");
        return null;
    }

    private String fits(String text, String field, int max) {
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            String tooLong = "field." + field + ".too-long";
            add(field, Messages.has(tooLong) ? tooLong : "field." + field + ".invalid");
            return null;
        }
        return length == 0 ? invalid(field) : text;
    }
}
