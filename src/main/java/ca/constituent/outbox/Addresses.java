package ca.constituent.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Mail addresses written for headers. */
final class Addresses {

    /** Bytes of UTF-8 per encoded word, so that each word stays within RFC 2047's 75 characters. */
    private static final int WORD_BYTES = 45;

    private Addresses() {
    }

    /**
     * {@code "Display Name" <address>}: the name as a quoted string when it is printable ASCII, else as RFC 2047
     * encoded words ({@code =?UTF-8?B?...?=}), split on character boundaries.
     */
    static String mailbox(String name, String address) {
        if (name == null || name.isBlank()) {
            return address;
        }
        String plain = name.strip();
        if (plain.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return "\"" + plain.replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + address + ">";
        }
        return encodedWords(plain) + " <" + address + ">";
    }

    private static String encodedWords(String text) {
        StringBuilder words = new StringBuilder();
        int start = 0;
        while (start < text.length()) {
            int end = start;
            int bytes = 0;
            while (end < text.length()) {
                int codePoint = text.codePointAt(end);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + size > WORD_BYTES) {
                    break;
                }
                bytes += size;
                end += Character.charCount(codePoint);
            }
            if (words.length() > 0) {
                words.append(' ');
            }
            words.append("=?UTF-8?B?")
                    .append(Base64.getEncoder().encodeToString(text.substring(start, end)
                            .getBytes(StandardCharsets.UTF_8)))
                    .append("?=");
            start = end;
        }
        return words.toString();
    }
}
