package ca.constituent.signature;

import ca.constituent.common.ProblemException;
import ca.constituent.riding.Candidate;
import ca.constituent.riding.LookupResult;
import ca.constituent.riding.PostalCode;
import ca.constituent.riding.Province;
import ca.constituent.riding.RidingLookup;
import ca.constituent.riding.RidingView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which ridings a signer may say is theirs. Normally the postal code's candidates. When the only answer is the
 * FSA's area shares ({@code source: fsa}) the riding is a best guess, wrong in about 5 % of the cases the lookup
 * calls unambiguous, so the signer may then choose any riding of the postal code's province, candidates first, and may correct the
 * riding the service guessed once.
 */
@ApplicationScoped
public class RidingChoices {

    /**
     * The ridings a signer may choose, most likely first: the postal code's {@code candidates} first, then (when
     * the lookup came from the FSA) the rest of the province. {@code guessed} is the riding the service assigned on
     * its own from the FSA, which the signer may correct once; null when there is none.
     */
    public record Options(boolean fromFsa, String guessed, int candidates, List<RidingView> ridings) {

        /** True when the signer's current riding is the service's own guess, not their choice. */
        public boolean isGuess(String fedCode) {
            return guessed != null && guessed.equals(fedCode);
        }

        public boolean allows(String fedCode) {
            return fedCode != null && ridings.stream().anyMatch(r -> r.fedCode().equals(fedCode));
        }
    }

    private final RidingLookup lookup;

    RidingChoices(RidingLookup lookup) {
        this.lookup = lookup;
    }

    /** The options for a stored postal code; none when no source knows it. */
    public Options of(String postalCode) {
        PostalCode code = PostalCode.parse(postalCode).orElse(null);
        if (code == null) {
            return new Options(false, null, 0, List.of());
        }
        try {
            return of(code, lookup.lookUp(code));
        } catch (ProblemException unknownPostalCode) {
            return new Options(false, null, 0, List.of());
        }
    }

    /** The options that a lookup result leaves the signer. */
    Options of(PostalCode code, LookupResult result) {
        if (result == null) {
            return new Options(false, null, 0, List.of());
        }
        Set<String> seen = new LinkedHashSet<>();
        List<RidingView> ridings = new ArrayList<>();
        for (Candidate c : result.candidates()) {
            lookup.riding(c.fedCode()).filter(r -> seen.add(r.fedCode())).ifPresent(ridings::add);
        }
        int candidates = ridings.size();
        boolean fromFsa = LookupResult.FSA.equals(result.source());
        if (fromFsa) {
            lookup.ridings().stream()
                    .filter(r -> Province.contains(code.province(), r.fedCode()) && seen.add(r.fedCode()))
                    .forEach(ridings::add);
        }
        String guessed = fromFsa && !result.ambiguous() && candidates > 0 ? ridings.get(0).fedCode() : null;
        return new Options(fromFsa, guessed, candidates, ridings);
    }
}
