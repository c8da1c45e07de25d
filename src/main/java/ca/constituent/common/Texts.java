package ca.constituent.common;

import io.quarkus.qute.TemplateData;
import java.text.NumberFormat;
import java.util.Map;

/** The messages of one language, for templates: {@code {t.get('form.heading')}}. */
@TemplateData
public record Texts(Language language) {

    public String get(String key) {
        return Messages.get(language, key);
    }

    public String format(String key, String name, Object value) {
        return Messages.get(language, key, Map.of(name, value));
    }

    /** The message whose key is {@code prefix + suffix}, e.g. {@code key('letter.status.', letter.status)}. */
    public String key(String prefix, String suffix) {
        return Messages.get(language, prefix + suffix);
    }

    /** "{count} confirmed signatures of {goal}", the numbers grouped as the language writes them. */
    public String progress(Number count, Number goal) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(language.locale());
        return Messages.get(language, "form.progress",
                Map.of("count", numbers.format(count), "goal", numbers.format(goal)));
    }

    public String code() {
        return language.code();
    }
}
