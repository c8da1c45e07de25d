package ca.constituent.common;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A party's name as a page or a letter in one language writes it. The datasets and the MP lists organisers upload
 * give the English short name ("Liberal", "NDP"); a French page says "Parti libéral", "NPD". A name not listed here
 * is shown as given.
 */
public final class PartyNames {

    /** The names the datasets use, and the message key of each ({@code party.liberal}). */
    private static final Map<String, String> KEYS = Map.of(
            "Liberal", "liberal", "Conservative", "conservative", "NDP", "ndp", "Bloc Québécois", "bloc",
            "Green", "green", "Independent", "independent");

    /** {@link #all} as a JSON object, per language, written once. */
    private static final Map<Language, String> JSON = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            JSON.put(language, Json.write(all(language)));
        }
    }

    private PartyNames() {
    }

    /** {@code party} in {@code language}; null stays null. */
    public static String in(Language language, String party) {
        if (party == null) {
            return null;
        }
        String key = KEYS.get(party.strip());
        return key == null ? party : Messages.get(language, "party." + key);
    }

    /** Every listed name and how {@code language} writes it, as a JSON object, for the sign form's script. */
    public static String json(Language language) {
        return JSON.get(language);
    }

    /** Every listed name and how {@code language} writes it, sorted by name. */
    static Map<String, String> all(Language language) {
        Map<String, String> names = new LinkedHashMap<>();
        KEYS.keySet().stream().sorted().forEach(name -> names.put(name, in(language, name)));
        return names;
    }
}
