package ca.constituent.riding;

import ca.constituent.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Postal code or map point to riding to current MP, honest about uncertainty. Sources for a postal code, in order:
 * <ol>
 * <li>{@code postal-code-table}: an imported full postal-code table, when one is loaded and knows the code;</li>
 * <li>{@code represent-cache}: an earlier answer of Open North's Represent API, still within its TTL;</li>
 * <li>{@code represent}: the Represent API itself, when enabled and (by default) only when the FSA is ambiguous
 * or unknown; timeouts, errors, an open circuit or a spent request budget fall through;</li>
 * <li>{@code fsa}: the ridings that share the postal code's FSA, by area share.</li>
 * </ol>
 * Every source is filtered by province: the postal code's first letter (and, for X, its FSA) must name the riding's
 * province. See {@link LookupResult} for the ambiguity rule. A vacant seat has {@code mp == null}.
 */
@ApplicationScoped
public class RidingLookup {

    private final RidingDatasets datasets;
    private final RepresentProvider represent;
    private final RidingConfig config;

    RidingLookup(RidingDatasets datasets, RepresentProvider represent, RidingConfig config) {
        this.datasets = datasets;
        this.represent = represent;
        this.config = config;
    }

    /**
     * The candidate ridings of a postal code, most likely first. May call the Represent API (up to its timeout), so
     * call it from a worker thread.
     *
     * @throws ProblemException 404 {@code unknown-postal-code} when no source knows the postal code or its FSA
     */
    public LookupResult lookUp(PostalCode postalCode) {
        RidingSnapshot snapshot = datasets.snapshot();
        Optional<LookupResult> local = fromTableOrMemory(postalCode, snapshot);
        if (local.isPresent()) {
            return local.get();
        }
        if (mayAskRepresent(postalCode, snapshot)) {
            Optional<LookupResult> cached = represent.cached(postalCode)
                    .flatMap(a -> result(postalCode, a.fedCodes(), LookupResult.REPRESENT_CACHE, snapshot));
            if (cached.isPresent()) {
                return cached.get();
            }
            if (represent.cachedInMemory(postalCode).isEmpty()) {
                Optional<LookupResult> asked = represent.ask(postalCode)
                        .flatMap(a -> result(postalCode, a.fedCodes(), LookupResult.REPRESENT, snapshot));
                if (asked.isPresent()) {
                    return asked.get();
                }
            }
        }
        return fromFsa(postalCode, snapshot);
    }

    /**
     * The answer when it can be given from memory alone, without blocking: empty when {@link #lookUp} would need
     * PostgreSQL or the Represent API. Lets the REST layer answer most lookups on the I/O thread.
     *
     * @throws ProblemException 404 {@code unknown-postal-code} as {@link #lookUp} does
     */
    public Optional<LookupResult> lookUpInMemory(PostalCode postalCode) {
        RidingSnapshot snapshot = datasets.snapshot();
        Optional<LookupResult> local = fromTableOrMemory(postalCode, snapshot);
        if (local.isPresent()) {
            return local;
        }
        boolean answeredBefore = represent.cachedInMemory(postalCode).isPresent(); // with no riding in the province
        return mayAskRepresent(postalCode, snapshot) && !answeredBefore ? Optional.empty()
                : Optional.of(fromFsa(postalCode, snapshot));
    }

    /** A riding with its names, province and MP ({@code mp == null} when the seat is vacant). */
    public Optional<RidingView> riding(String fedCode) {
        return Optional.ofNullable(fedCode == null ? null : datasets.snapshot().ridings().get(fedCode));
    }

    /**
     * A postal code to show as a sample signer's in the riding: in the forward sortation area where the riding has
     * the largest share (a lookup of it offers the riding); empty for an unknown riding.
     */
    public Optional<String> samplePostalCode(String fedCode) {
        String best = null;
        double bestShare = -1;
        for (Map.Entry<String, List<Candidate>> fsa : datasets.snapshot().fsaCandidates().entrySet()) {
            for (Candidate candidate : fsa.getValue()) {
                double share = candidate.share() == null ? 0 : candidate.share();
                if (candidate.fedCode().equals(fedCode) && (share > bestShare
                        || share == bestShare && fsa.getKey().compareTo(best) < 0)) {
                    best = fsa.getKey();
                    bestShare = share;
                }
            }
        }
        return Optional.ofNullable(best).map(fsa -> fsa + " 1A1");
    }

    /** All ridings, ordered by fed code. */
    public List<RidingView> ridings() {
        return datasets.snapshot().all();
    }

    /**
     * The riding containing the point; for a point in none, the nearest within
     * {@code constituent.ridings.nearest-within-metres} (5 km by default), flagged {@code nearest}.
     *
     * @throws ProblemException 404 {@code point-outside-canada} when no riding is that close
     * @throws IllegalArgumentException when lat or lon is out of range or not finite
     */
    public LocateResult locate(double lat, double lon) {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lat must be within [-90, 90] and lon within [-180, 180]");
        }
        RidingSnapshot snapshot = datasets.snapshot();
        Boundaries.Hit hit = snapshot.boundaries().locate(lat, lon, config.nearestWithinMetres())
                .orElseThrow(() -> ProblemException.notFound("point-outside-canada"));
        return new LocateResult(lat, lon, hit.nearest(), hit.metres(), snapshot.ridings().get(hit.fedCode()));
    }

    private Optional<LookupResult> fromTableOrMemory(PostalCode postalCode, RidingSnapshot snapshot) {
        List<PostalCodeTable.Row> rows = snapshot.postalCodes().find(postalCode);
        if (!rows.isEmpty()) {
            List<Candidate> candidates = new ArrayList<>(rows.size());
            for (PostalCodeTable.Row row : rows) {
                RidingView riding = snapshot.ridings().get(row.fedCode());
                if (riding != null && RidingSnapshot.agrees(postalCode, riding)) {
                    candidates.add(Candidate.of(riding, row.share()));
                }
            }
            if (!candidates.isEmpty()) {
                return Optional.of(new LookupResult(postalCode.value(), postalCode.fsa(),
                        LookupResult.POSTAL_CODE_TABLE, candidates.size() > 1, candidates));
            }
        }
        return represent.cachedInMemory(postalCode)
                .flatMap(a -> result(postalCode, a.fedCodes(), LookupResult.REPRESENT_CACHE, snapshot));
    }

    /** Represent is asked only when enabled, and by default only when the FSA leaves the riding open. */
    private boolean mayAskRepresent(PostalCode postalCode, RidingSnapshot snapshot) {
        if (!represent.enabled()) {
            return false;
        }
        if (!represent.onlyWhenAmbiguous()) {
            return true;
        }
        List<Candidate> fsa = snapshot.fsaCandidates().get(postalCode.fsa());
        return fsa == null || fsa.size() > 1;
    }

    private LookupResult fromFsa(PostalCode postalCode, RidingSnapshot snapshot) {
        List<Candidate> candidates = snapshot.fsaCandidates().get(postalCode.fsa());
        if (candidates == null) {
            throw new ProblemException(404, "unknown-postal-code", Map.of("fsa", postalCode.fsa()), null, null);
        }
        return new LookupResult(postalCode.value(), postalCode.fsa(), LookupResult.FSA, candidates.size() > 1,
                candidates);
    }

    /** A Represent answer as a result: its ridings in the postal code's province; empty when none remains. */
    private static Optional<LookupResult> result(PostalCode postalCode, List<String> fedCodes, String source,
                                                 RidingSnapshot snapshot) {
        List<Candidate> candidates = new ArrayList<>(fedCodes.size());
        for (String fedCode : fedCodes) {
            RidingView riding = snapshot.ridings().get(fedCode);
            if (riding != null && RidingSnapshot.agrees(postalCode, riding)) {
                candidates.add(Candidate.of(riding, fedCodes.size() == 1 ? 1.0 : null));
            }
        }
        return candidates.isEmpty() ? Optional.empty() : Optional.of(new LookupResult(postalCode.value(),
                postalCode.fsa(), source, candidates.size() > 1, candidates));
    }
}
