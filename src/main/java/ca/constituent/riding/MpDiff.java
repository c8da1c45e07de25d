package ca.constituent.riding;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What applying an MP list would change, riding by riding: a new MP ({@code replaced}, or {@code added} in a vacant
 * seat), a seat left {@code vacant}, or the same MP with another {@code party} or {@code email}.
 */
@TemplateData
public record MpDiff(List<Change> changes, int unchanged) {

    public static final String ADDED = "added";
    public static final String REPLACED = "replaced";
    public static final String VACANT = "vacant";
    public static final String PARTY = "party";
    public static final String EMAIL = "email";

    /** One riding's change; {@code before} or {@code after} is null for a vacant seat. */
    @TemplateData
    public record Change(String fedCode, String ridingEn, String ridingFr, String kind, Mp before, Mp after) {

        public String riding(String language) {
            return "fr".equals(language) ? ridingFr : ridingEn;
        }
    }

    public long count(String kind) {
        return changes.stream().filter(c -> c.kind().equals(kind)).count();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes from the ridings as they are now to the seats of the list. */
    static MpDiff between(Map<String, RidingView> now, Map<String, MpList.Seat> seats) {
        List<Change> changes = new ArrayList<>();
        int unchanged = 0;
        for (MpList.Seat seat : seats.values()) {
            RidingView riding = now.get(seat.fedCode());
            String kind = kind(riding.mp(), seat.mp());
            if (kind == null) {
                unchanged++;
            } else {
                changes.add(new Change(seat.fedCode(), riding.nameEn(), riding.nameFr(), kind, riding.mp(),
                        seat.mp()));
            }
        }
        return new MpDiff(List.copyOf(changes), unchanged);
    }

    /** The kind of change from {@code before} to {@code after}; null when the seat stays as it is. */
    static String kind(Mp before, Mp after) {
        if (before == null) {
            return after == null ? null : ADDED;
        }
        if (after == null) {
            return VACANT;
        }
        if (!before.name().equals(after.name())) {
            return REPLACED;
        }
        if (!before.party().equals(after.party())) {
            return PARTY;
        }
        return Objects.equals(before.email(), after.email()) ? null : EMAIL;
    }
}
