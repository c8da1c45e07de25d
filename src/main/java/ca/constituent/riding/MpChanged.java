package ca.constituent.riding;

import java.util.List;

/**
 * Fired inside the transaction that changed the MPs of some ridings (an uploaded list, an organiser's edit), so
 * features holding letters for those ridings can re-address or hold them before it commits.
 */
public record MpChanged(List<Seat> seats) {

    /** A riding whose MP changed: who it was, who it is now (null for a vacant seat) and the new record's term. */
    public record Seat(String fedCode, Mp before, Mp after, Long termId) {
    }
}
