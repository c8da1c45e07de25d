package ca.constituent.common;

import java.util.Map;
import java.util.ResourceBundle;

/**
 * Texts people read, from {@code i18n/messages_en.properties} and {@code i18n/messages_fr.properties}.
 * Placeholders are {@code {name}}, replaced literally (no MessageFormat, so French apostrophes need no escaping).
 */
public final class Messages {

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

    public static String get(Language language, String key, Map<String, ?> args) {
        String text = get(language, key);
        for (Map.Entry<String, ?> arg : args.entrySet()) {
            text = text.replace("{" + arg.getKey() + "}", String.valueOf(arg.getValue()));
        }
        return text;
    }

    public static boolean has(String key) {
        return EN.containsKey(key);
    }
}
