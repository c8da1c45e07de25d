package ca.constituent.common;

import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Texts people read, from {@code i18n/messages_en.properties} and {@code i18n/messages_fr.properties}.
 * Placeholders are {@code {name}}, replaced literally (no MessageFormat, so French apostrophes need no escaping).
 */
public final class Messages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");
    private static final ResourceBundle EN = load(Language.EN);
    private static final ResourceBundle FR = load(Language.FR);

    private Messages() {
    }

    private static ResourceBundle load(Language language) {
        return ResourceBundle.getBundle("i18n.messages", language.locale(), Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String get(Language language, String key) {
        ResourceBundle bundle = language == Language.FR ? FR : EN;
        if (bundle.containsKey(key)) {
            return bundle.getString(key);
        }
        return EN.containsKey(key) ? EN.getString(key) : key;
    }

    /** The text with its placeholders filled in one pass: a value that contains "{name}" is left as it is. */
    public static String get(Language language, String key, Map<String, ?> args) {
        Matcher placeholder = PLACEHOLDER.matcher(get(language, key));
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            Object value = args.get(placeholder.group(1));
            String replacement = !args.containsKey(placeholder.group(1)) ? placeholder.group()
                    : value instanceof Text nested ? get(language, nested.key(), nested.args()) : String.valueOf(value);
            placeholder.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        return placeholder.appendTail(text).toString();
    }

    /** A placeholder's value that is itself a text to translate: written in the language of the text around it. */
    public record Text(String key, Map<String, ?> args) {
    }

    public static boolean has(String key) {
        return EN.containsKey(key);
    }
}
