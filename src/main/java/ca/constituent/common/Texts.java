package ca.constituent.common;

import io.quarkus.qute.TemplateData;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
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

    /** A whole number grouped as the language writes it: "12,345" in English, "12 345" in French. */
    public String number(Number n) {
        return NumberFormat.getIntegerInstance(language.locale()).format(n);
    }

    /** A ratio as a percentage with one decimal, as the language writes it: "12.5%" in English, "12,5 %" in French. */
    public String percent(double ratio) {
        NumberFormat percent = NumberFormat.getPercentInstance(language.locale());
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        return percent.format(ratio);
    }

    /** The message whose key is {@code prefix + suffix}, e.g. {@code key('letter.status.', letter.status)}. */
    public String key(String prefix, String suffix) {
        return Messages.get(language, prefix + suffix);
    }

    /**
     * "{count} confirmed signatures of {goal}", singular as the language needs (French: 0 and 1), the numbers grouped
     * as the language writes them. {@code js/counts.js} picks between the same two texts with Intl.PluralRules.
     */
    public String progress(Number count, Number goal) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(language.locale());
        return Messages.get(language, "form.progress." + plural(count.longValue()),
                Map.of("count", numbers.format(count), "goal", numbers.format(goal)));
    }

    /**
     * "N people in {riding} have signed; N letters have gone to {mp}", with the plural each language needs (French
     * treats 0 and 1 as singular) and the numbers grouped as the language writes them.
     */
    public String tally(long signed, String riding, long letters, String mp) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(language.locale());
        String people = Messages.get(language, "card.signed." + plural(signed),
                Map.of("count", numbers.format(signed), "riding", riding));
        if (mp == null) {
            return people;
        }
        return people + " " + Messages.get(language, "card.letters." + plural(letters),
                Map.of("count", numbers.format(letters), "mp", mp));
    }

    /**
     * The message {@code key.one} or {@code key.other} as the number needs (French treats 0 and 1 as singular), with
     * {@code {n}} grouped as the language writes numbers: "1 signature changed", "2 signatures changed".
     */
    public String count(String key, Number n) {
        return Messages.get(language, key + "." + plural(n.longValue()),
                Map.of("n", NumberFormat.getIntegerInstance(language.locale()).format(n)));
    }

    private String plural(long n) {
        return n == 1 || (n == 0 && language == Language.FR) ? "one" : "other";
    }

    /** A party's name as this language writes it ("Parti libéral" for "Liberal" in French). */
    public String party(String party) {
        return PartyNames.in(language, party);
    }

    /** The listed party names and how this language writes them, as a JSON object, for the sign form's script. */
    public String parties() {
        return PartyNames.json(language);
    }

    /** A moment as the dashboard shows it: to the second, in UTC ("2026-11-22 19:12:09"); blank for null. */
    public String utc(TemporalAccessor moment) {
        return moment == null ? "" : UTC.format(moment);
    }

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public String code() {
        return language.code();
    }
}
