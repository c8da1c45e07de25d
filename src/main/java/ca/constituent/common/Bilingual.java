package ca.constituent.common;

/** A text in both official languages, as it appears in JSON: {@code {"en": "...", "fr": "..."}}. */
public record Bilingual(String en, String fr) {

    public String in(Language language) {
        return language == Language.FR ? fr : en;
    }
}
