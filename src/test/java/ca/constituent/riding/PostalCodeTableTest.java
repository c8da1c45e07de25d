package ca.constituent.riding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PostalCodeTableTest {

    private static PostalCode code(String text) {
        return PostalCode.parse(text).orElseThrow();
    }

    @Test
    void keysSortLikeTheText() {
        List<String> ordered = List.of("A0A 0A0", "A0A 0A1", "A0A 0B0", "A0A 1A0", "A0B 0A0", "A1A 0A0", "B0A 0A0",
                "K1A 0A6", "Y1A 9Z9");
        for (int i = 1; i < ordered.size(); i++) {
            assertTrue(PostalCodeTable.key(ordered.get(i - 1)) < PostalCodeTable.key(ordered.get(i)), ordered.get(i));
        }
    }

    @Test
    void findsEveryRowOfAPostalCodeInOrderAndNothingForOthers() {
        PostalCodeTable table = new PostalCodeTable.Builder()
                .add("K1A 0A6", "35079", null)
                .add("V6B 1A1", "59035", 0.8)
                .add("V6B 1A1", "59036", 0.2)
                .add("V6B 1A2", "59035", 1.0)
                .build();
        assertEquals(4, table.size());
        assertEquals(List.of(new PostalCodeTable.Row("35079", null)), table.find(code("K1A 0A6")));
        List<PostalCodeTable.Row> rows = table.find(code("V6B 1A1"));
        assertEquals(List.of("59035", "59036"), rows.stream().map(PostalCodeTable.Row::fedCode).toList());
        assertEquals(0.8, rows.get(0).share(), 1e-6);
        assertTrue(table.find(code("V6B 1A3")).isEmpty());
        assertTrue(PostalCodeTable.EMPTY.find(code("K1A 0A6")).isEmpty());
    }

    @Test
    void refusesRowsOutOfOrder() {
        PostalCodeTable.Builder builder = new PostalCodeTable.Builder().add("V6B 1A1", "59035", null);
        assertThrows(IllegalArgumentException.class, () -> builder.add("K1A 0A6", "35079", null));
    }
}
