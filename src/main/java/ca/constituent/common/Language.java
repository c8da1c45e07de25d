package ca.constituent.common;

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

    /** {@code en} or {@code fr}, any case; anything else is empty. */
    public static Optional<Language> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "en" -> Optional.of(EN);
            case "fr" -> Optional.of(FR);
            default -> Optional.empty();
        };
    }

    /**
     * The preferred of the two languages in an {@code Accept-Language} header, English when it names neither. Quality
     * values are honoured; the header is read defensively (at most 64 ranges).
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        Language best = EN;
        double bestQ = -1;
        String[] ranges = header.split(",", 64);
        for (String range : ranges) {
            String[] parts = range.trim().split(";");
            String tag = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = 1.0;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            Language lang = tag.startsWith("fr") ? FR : tag.startsWith("en") ? EN : null;
            if (lang != null && q > 0 && q > bestQ) {
                best = lang;
                bestQ = q;
            }
        }
        return best;
    }
}
