package ca.constituent.signature;

import ca.constituent.riding.MpCard;
import java.util.List;

/**
 * A signer's riding as the pages after signing show it: the MP card ({@code null} while the riding is unknown),
 * whether it is only a best guess from the FSA, the ridings the signer may choose instead, and the riding's public
 * figures: confirmed signatures and letters sent, never anything about one address.
 */
public record RidingTally(MpCard card, boolean guess, List<MpCard> choices, long signed, long letters) {

    /** True when the page should offer a choice of riding: unknown, or only guessed. */
    public boolean choosable() {
        return !choices.isEmpty() && (card == null || guess);
    }
}
