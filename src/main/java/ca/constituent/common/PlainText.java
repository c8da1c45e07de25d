package ca.constituent.common;

/** Character checks for text people type that ends up in mails and pages. */
public final class PlainText {

    private PlainText() {
    }

    /**
     * True when the text holds no control characters (line breaks and tabs only where {@code multiline}), no
     * invisible formatting characters other than the zero-width joiners that some scripts need, no unpaired
     * surrogates, and no unassigned or private-use code points. This keeps line breaks out of mail headers and
     * direction overrides out of names.
     */
    public static boolean isPlainText(String text, boolean multiline) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (multiline && (cp == '\n' || cp == '\t')) {
                continue;
            }
            if (cp == 0x200C || cp == 0x200D) {
                continue;
            }
            switch (Character.getType(cp)) {
                case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                     Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return true;
    }
}
