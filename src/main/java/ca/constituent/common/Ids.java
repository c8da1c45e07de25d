package ca.constituent.common;

import java.util.UUID;

/** Ids that arrive in paths. */
public final class Ids {

    private Ids() {
    }

    /** The UUID in its canonical 36-character form, or null for anything else. */
    public static UUID parseUuid(String id) {
        try {
            return id == null || id.length() != 36 ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
