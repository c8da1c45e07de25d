package ca.constituent.admin;

import ca.constituent.common.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A position in a newest-first list of signatures: the last row's (created_at, id). Pages read the rows before it,
 * so a page costs the same however deep it is. As text: microseconds since the epoch, '_', the id.
 */
record Keyset(OffsetDateTime at, UUID id) {

    /** Before every row. */
    static final Keyset START = new Keyset(OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
            new UUID(-1L, -1L));

    /** The cursor a page link carries; null or blank for the first page; 400 when it is not one. */
    static Keyset parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return START;
        }
        String[] parts = cursor.split("_", 2);
        try {
            long micros = Long.parseLong(parts[0]);
            return new Keyset(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1000).atOffset(ZoneOffset.UTC), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new ProblemException(400, "bad-request");
        }
    }

    static String format(OffsetDateTime at, String id) {
        Instant instant = at.toInstant();
        return (instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000) + "_" + id;
    }
}
