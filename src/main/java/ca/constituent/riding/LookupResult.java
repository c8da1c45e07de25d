package ca.constituent.riding;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The ridings a postal code may belong to, most likely first, and which source said so.
 *
 * <p>Ambiguity rule: a result is ambiguous when more than one candidate remains after the province check (the
 * postal code's province must be the riding's) and, for FSA candidates, after dropping slivers under
 * {@code constituent.ridings.min-share} (1 % by default). An imported postal-code table or Represent naming a single
 * riding is unambiguous. When ambiguous, the signer should choose among the candidates.
 */
@Schema(description = "Candidate ridings for a postal code, most likely first. ambiguous is true when more than one "
        + "candidate remains after the province check and after dropping FSA slivers under 1 %; the signer should "
        + "then choose.")
public record LookupResult(
        @Schema(description = "The postal code in canonical form, e.g. K1A 0A6") String postalCode,
        @Schema(description = "Its forward sortation area, e.g. K1A") String fsa,
        @Schema(description = "Which source answered: postal-code-table (imported full table), represent-cache, "
                + "represent (Open North's API), or fsa (area shares of the FSA)",
                enumeration = {"postal-code-table", "represent-cache", "represent", "fsa"}) String source,
        boolean ambiguous,
        List<Candidate> candidates) {

    public static final String POSTAL_CODE_TABLE = "postal-code-table";
    public static final String REPRESENT_CACHE = "represent-cache";
    public static final String REPRESENT = "represent";
    public static final String FSA = "fsa";
}
