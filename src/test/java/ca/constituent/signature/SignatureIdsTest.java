package ca.constituent.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignatureIdsTest {

    @Test
    void idIsAVersion7UuidThatCarriesItsMillisecond() {
        long millis = 1_795_000_000_123L;
        UUID id = SignatureIds.next(millis, new Random(1));

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterInPostgresOrder() {
        // PostgreSQL orders uuid values byte by byte, as their text sorts; UUID.compareTo compares signed longs
        Random random = new Random(2);
        String previous = SignatureIds.next(1_795_000_000_000L, random).toString();
        for (long millis = 1_795_000_000_001L; millis < 1_795_000_002_000L; millis++) {
            String id = SignatureIds.next(millis, random).toString();
            assertTrue(id.compareTo(previous) > 0, id + " sorts after " + previous);
            previous = id;
        }
    }

    @Test
    void idsOfTheSameMillisecondDifferInTheirRandomBits() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = SignatureIds.next(1_795_000_000_000L, new Random(i));
            assertEquals(7, id.version());
            ids.add(id);
        }

        assertEquals(10_000, ids.size());
    }
}
