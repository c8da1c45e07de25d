package ca.constituent.common;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The two official languages; everything a person reads exists in both. */
public enum Language {
    EN, FR;

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
        return switch (code.replaceAll("^ +| +$", "").toLowerCase(Locale.ROOT)) {
            case "en" -> Optional.of(EN);
            case "fr" -> Optional.of(FR);
            default -> Optional.empty();
        };
    }

    /**
     * The preferred of the two languages in an {@code Accept-Language} header, English when it names neither or
     * does not parse. Quality values are honoured, as {@link Locale.LanguageRange} reads them.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 1024) {
            return EN;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException unreadable) {
            return EN;
        }
        for (Locale.LanguageRange range : ranges) {
            String tag = range.getRange();
            if (range.getWeight() == 0) {
                continue;
            }
            if (tag.startsWith("fr")) {
                return FR;
            }
            if (tag.startsWith("en")) {
                return EN;
            }
        }
        return EN;
    }
}
