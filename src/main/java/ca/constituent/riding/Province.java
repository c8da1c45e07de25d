package ca.constituent.riding;

import java.util.Map;

/** Provinces and territories, keyed by their two-letter abbreviation, with Statistics Canada's numeric codes. */
public final class Province {

    private static final Map<String, String> CODE_BY_ABBREVIATION = Map.ofEntries(
            Map.entry("NL", "10"), Map.entry("PE", "11"), Map.entry("NS", "12"), Map.entry("NB", "13"),
            Map.entry("QC", "24"), Map.entry("ON", "35"), Map.entry("MB", "46"), Map.entry("SK", "47"),
            Map.entry("AB", "48"), Map.entry("BC", "59"), Map.entry("YT", "60"), Map.entry("NT", "61"),
            Map.entry("NU", "62"));

    private Province() {
    }

    /** The two-digit code that starts every fed code of the province, e.g. {@code 35} for ON. */
    public static String code(String abbreviation) {
        return CODE_BY_ABBREVIATION.get(abbreviation);
    }

    /** True when the riding's fed code lies in the province. */
    public static boolean contains(String abbreviation, String fedCode) {
        String code = code(abbreviation);
        return code != null && fedCode != null && fedCode.startsWith(code);
    }
}
