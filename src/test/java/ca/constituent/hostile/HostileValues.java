package ca.constituent.hostile;

import java.util.List;
import java.util.Map;

/** Values no field should accept, by kind; each kind is a map from a short label to the value. */
final class HostileValues {

    private HostileValues() {
    }

    /** Ways to put a line break (or another line-ending control) into a one-line value. */
    static Map<String, String> lineBreaksAround(String valid) {
        return Map.ofEntries(
                Map.entry("crlf-bcc", valid + "\r\nBcc: victim@example.ca"),
                Map.entry("lf-header", valid + "\nX-Injected: yes"),
                Map.entry("cr-only", valid + "\rX"),
                Map.entry("trailing-crlf", valid + "\r\n"),
                Map.entry("leading-crlf", "\r\n" + valid),
                Map.entry("nel", valid + "\u0085"),
                Map.entry("line-separator", valid + "\u2028"),
                Map.entry("paragraph-separator", valid + "\u2029"),
                Map.entry("vertical-tab", valid + "\u000B"),
                Map.entry("form-feed", valid + "\u000C"),
                Map.entry("tab", valid + "\t"));
    }

    /** Invisible, direction-changing, unpaired or unassigned characters inside an otherwise valid value. */
    static Map<String, String> unicodeInside(String valid) {
        String[][] chars = {
                {"nul", "\u0000"}, {"escape", "\u001B"}, {"delete", "\u007F"}, {"c1-csi", "\u009B"},
                {"lro", "\u202D"}, {"rlo", "\u202E"}, {"rli", "\u2067"}, {"pdi", "\u2069"}, {"rlm", "\u200F"},
                {"alm", "\u061C"}, {"zero-width-space", "\u200B"}, {"bom", "\uFEFF"}, {"lone-high-surrogate", "\uD800"},
                {"lone-low-surrogate", "\uDC00"}, {"reversed-surrogates", "\uDC00\uD800"},
                {"private-use", "\uE000"}, {"unassigned", "\u0378"}, {"noncharacter", "\uFFFF"},
                {"tag-character", "\uDB40\uDC01"}, {"interlinear-annotation", "\uFFF9"}};
        Map<String, String> values = new java.util.LinkedHashMap<>();
        int middle = valid.length() / 2;
        for (String[] c : chars) {
            values.put(c[0], valid.substring(0, middle) + c[1] + valid.substring(middle));
        }
        return values;
    }

    static final List<String> POSTAL_CODES = List.of("W1A 1A1", "D1A 1A1", "K1A", "K1A 0A", "K1A 0A66", "123456",
            "K1A_0A6", "K1A  0A6", "K1A--0A6", "0A6 K1A", "ZZZZZZ", "K1A0A6K1A0A6", "K1A 0A6 extra", "K1AOA6",
            "K1A-0A6-", "\uFF2B\uFF11\uFF21 \uFF10\uFF21\uFF16", "K1A0A\uFF16", "K\u03011A 0A6", "K1A 0A6\u0301",
            "K1A' OR '1'='1", "K1A0A6'; DROP TABLE signature;--", "<script>alert(1)</script>", "k".repeat(1000));

    static final List<String> EMAILS = List.of("a", "a@", "@example.ca", "a@example", "a@@example.ca",
            "a b@example.ca", "a@example..ca", "a@-example.ca", "x".repeat(65) + "@example.ca",
            "a@" + "b".repeat(250) + ".ca", "a@example.c", "\"a\"@example.ca", "a@[127.0.0.1]", "<a@example.ca>",
            "a@example.ca, b@example.ca", "a@example.ca;b@example.ca", "\uFF41@example.ca", "a\uFF20example.ca",
            "marie\u0301@example.ca", "x@example.ca'; DROP TABLE signature;--",
            "<script>alert(1)</script>@example.ca", "a@example.ca>", "a(comment)@example.ca");

    static final List<String> LANGUAGES = List.of("de", "english", "en-CA", "e n", "e", "fre", "en,fr", "en;q=1", "*",
            "\uFF45\uFF4E", "\uFF26\uFF32", "e\u0301n", "en'; DROP TABLE signature;--", "<script>",
            "x".repeat(1000));

    static final List<String> CONSENTS = List.of("maybe", "2", "truee", "ja", "-1", "null", "\uFF54\uFF52\uFF55\uFF45",
            "true'--", "yes please");

    static final List<String> FED_CODES = List.of("1234", "123456", "abcde", "-3507", "99999", "10001",
            "\uFF13\uFF15\uFF10\uFF17\uFF19", "35079\u0301", "35079 OR 1=1", "1; DROP TABLE riding", "9".repeat(1000));

    static final List<String> COORDINATES = List.of("NaN", "Infinity", "-Infinity", "91", "-90.0001", "1e309",
            "45,42", "45.4.4", "north", "45.4d", "0x1p3", "+-45", "4 5", "1e3", "--45", "\uFF14\uFF15.\uFF14",
            "45 OR 1=1", "-75); DROP TABLE signature;--", "1".repeat(1000));

    static final List<String> LONGITUDES = List.of("181", "-180.5", "NaN", "east", "-75.7f");

    /** Hostile strings for a one-line text field, labelled. */
    static Map<String, String> oneLine(String valid) {
        Map<String, String> values = new java.util.LinkedHashMap<>(lineBreaksAround(valid));
        values.putAll(unicodeInside(valid));
        return values;
    }

    /** A short printable label for a test name. */
    static String label(String value) {
        StringBuilder label = new StringBuilder();
        value.codePoints().limit(24).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp > 0x7E) {
                label.append(String.format("\\u%04X", cp));
            } else {
                label.append((char) cp);
            }
        });
        return value.length() > 24 ? label + "…(" + value.length() + ")" : label.toString();
    }
}
