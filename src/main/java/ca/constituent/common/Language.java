package ca.constituent.common;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The two official languages; everything a person reads exists in both. */
public enum Language {
    EN, FR;

    private static final List<String> TAGS = List.of("en", "fr");
    private static final int MAX_ACCEPT_LANGUAGE = 1024;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return this == FR ? Locale.CANADA_FRENCH : Locale.CANADA;
    }

    /**
     * {@code en} or {@code fr}, any case, with surrounding spaces; anything else is empty, including a code with
     * line breaks or other control characters around it.
     */
    public static Optional<Language> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (trimSpaces(code).toLowerCase(Locale.ROOT)) {
            case "en" -> Optional.of(EN);
            case "fr" -> Optional.of(FR);
            default -> Optional.empty();
        };
    }

    /**
     * The preferred of the two languages in an {@code Accept-Language} header (RFC 4647 lookup, so {@code fr-CA}
     * matches French and quality values, {@code q=0} included, are honoured), English when it names neither or is
     * malformed. Only its first kilobyte is read.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        String ranges = header.length() <= MAX_ACCEPT_LANGUAGE ? header
                : header.substring(0, Math.max(0, header.lastIndexOf(',', MAX_ACCEPT_LANGUAGE)));
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(ranges), TAGS);
            return tag == null ? EN : parse(tag).orElse(EN);
        } catch (IllegalArgumentException e) {
            return EN; // not a list of language ranges
        }
    }

    /** Spaces (only U+0020) trimmed from both ends, as the pattern {@code ^ +| +$} did, without compiling it. */
    private static String trimSpaces(String code) {
        int start = 0;
        int end = code.length();
        while (start < end && code.charAt(start) == ' ') {
            start++;
        }
        while (end > start && code.charAt(end - 1) == ' ') {
            end--;
        }
        return code.substring(start, end);
    }
}
