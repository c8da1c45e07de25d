package ca.constituent.riding;

import ca.constituent.common.Language;
import ca.constituent.common.PartyNames;

/**
 * A riding and its MP as the pages show them, in one language: riding name, MP name, party and photo (each null
 * when no source had it; {@code mpName} null when the seat is vacant). The photo is served by the app.
 */
public record MpCard(String fedCode, String riding, String province, String mpName, String party, String photoUrl) {

    public static MpCard of(RidingView riding, Language language) {
        Mp mp = riding.mp();
        return new MpCard(riding.fedCode(), language == Language.FR ? riding.nameFr() : riding.nameEn(),
                riding.province(), mp == null ? null : mp.name(),
                mp == null ? null : PartyNames.in(language, mp.party()),
                mp == null || mp.photoUrl() == null ? null : "/api/ridings/" + riding.fedCode() + "/photo");
    }

    public boolean vacant() {
        return mpName == null;
    }

    /** The MP's initials, shown in place of a photo when there is none. */
    public String initials() {
        if (mpName == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String word : mpName.trim().split("[\\s-]+")) {
            if (!word.isEmpty() && out.length() < 2) {
                out.appendCodePoint(word.codePointAt(0));
            }
        }
        return out.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
