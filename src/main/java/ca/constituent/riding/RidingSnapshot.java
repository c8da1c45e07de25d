package ca.constituent.riding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a local lookup reads, in immutable maps built from PostgreSQL at start and after every dataset change.
 * A lookup reads one snapshot, so it never sees half of a reload.
 *
 * @param fsaCandidates per FSA, the candidates a lookup offers: ridings in the FSA's province, slivers under the
 *                      minimum share dropped, largest share first
 */
record RidingSnapshot(String ridingsVersion, String postalCodesVersion, Map<String, RidingView> ridings,
                      List<RidingView> all, Map<String, List<Candidate>> fsaCandidates, PostalCodeTable postalCodes,
                      Boundaries boundaries) {

    /** One row of {@code fsa_riding}, rows of an FSA ordered by share, largest first. */
    record FsaShare(String fsa, String fedCode, double share) {
    }

    static RidingSnapshot of(String ridingsVersion, String postalCodesVersion, List<RidingView> ridings,
                             List<FsaShare> fsaShares, double minShare, PostalCodeTable postalCodes,
                             Boundaries boundaries) {
        Map<String, RidingView> byCode = new LinkedHashMap<>();
        ridings.forEach(r -> byCode.put(r.fedCode(), r));
        Map<String, List<FsaShare>> byFsa = new LinkedHashMap<>();
        fsaShares.forEach(s -> byFsa.computeIfAbsent(s.fsa(), k -> new ArrayList<>()).add(s));
        Map<String, List<Candidate>> candidates = new HashMap<>();
        byFsa.forEach((fsa, shares) -> {
            List<Candidate> offered = offered(fsa, shares, byCode, minShare);
            if (!offered.isEmpty()) {
                candidates.put(fsa, offered);
            }
        });
        return new RidingSnapshot(ridingsVersion, postalCodesVersion, Collections.unmodifiableMap(byCode),
                List.copyOf(ridings), Map.copyOf(candidates), postalCodes, boundaries);
    }

    private static List<Candidate> offered(String fsa, List<FsaShare> shares, Map<String, RidingView> ridings,
                                           double minShare) {
        Optional<PostalCode> sample = PostalCode.parse(fsa + "0A0");
        if (sample.isEmpty()) {
            return List.of();
        }
        List<Candidate> inProvince = new ArrayList<>();
        for (FsaShare share : shares) {
            RidingView riding = ridings.get(share.fedCode());
            if (riding != null && agrees(sample.get(), riding)) {
                inProvince.add(Candidate.of(riding, round(share.share())));
            }
        }
        List<Candidate> offered = inProvince.stream().filter(c -> c.share() >= minShare).toList();
        return offered.isEmpty() && !inProvince.isEmpty() ? List.of(inProvince.get(0)) : offered;
    }

    /** The postal code's province, from its first letter (and FSA for the territories), must be the riding's. */
    static boolean agrees(PostalCode postalCode, RidingView riding) {
        return postalCode.province().equals(riding.province());
    }

    private static double round(double share) {
        return Math.round(share * 10_000) / 10_000.0;
    }

    static RidingSnapshot empty() {
        return new RidingSnapshot("none", "none", Map.of(), List.of(), Map.of(), PostalCodeTable.EMPTY,
                Boundaries.none());
    }
}
