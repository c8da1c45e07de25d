package ca.constituent.signature;

import ca.constituent.common.Language;
import ca.constituent.riding.MpCard;
import ca.constituent.riding.RidingLookup;
import ca.constituent.riding.RidingView;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the pages after signing show about a signer's riding: see {@link RidingTally}. */
@ApplicationScoped
public class SignerRidings {

    private final RidingLookup lookup;
    private final RidingChoices choices;
    private final CountQueries counts;
    private final LetterCounts letters;

    SignerRidings(RidingLookup lookup, RidingChoices choices, CountQueries counts, LetterCounts letters) {
        this.lookup = lookup;
        this.choices = choices;
        this.counts = counts;
        this.letters = letters;
    }

    public RidingTally of(Signature signature, Language language) {
        MpCard card = lookup.riding(signature.fedCode).map(r -> MpCard.of(r, language)).orElse(null);
        RidingChoices.Options options = choices.of(signature.postalCode);
        List<MpCard> offered = cards(options, language);
        if (card == null) {
            return new RidingTally(null, false, offered, 0, 0);
        }
        // Counts are rolled up every few seconds: a signer who has just confirmed is counted here at once.
        long signed = counts.confirmedInRiding(signature.campaignId, card.fedCode());
        return new RidingTally(card, options.isGuess(card.fedCode()), offered,
                signature.isConfirmed() ? Math.max(1, signed) : signed,
                letters.sent(signature.campaignId, card.fedCode()));
    }

    /** The postal code's candidates first, as the lookup ordered them; then the rest of the province by name. */
    private static List<MpCard> cards(RidingChoices.Options options, Language language) {
        List<RidingView> ridings = options.ridings();
        int candidates = options.candidates();
        List<MpCard> out = new ArrayList<>();
        ridings.subList(0, candidates).forEach(r -> out.add(MpCard.of(r, language)));
        Collator collator = Collator.getInstance(language.locale());
        ridings.subList(candidates, ridings.size()).stream().map(r -> MpCard.of(r, language))
                .sorted(Comparator.comparing(MpCard::riding, collator)).forEach(out::add);
        return out;
    }
}
