package ca.constituent.riding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An imported full postal-code table in memory, compact enough for a national file (about 10 bytes a row): postal
 * codes as ints in sorted arrays, searched by binary search. Immutable once built.
 */
final class PostalCodeTable {

    /** One row: a riding of the postal code and its share, null when the file gave none. */
    record Row(String fedCode, Double share) {
    }

    static final PostalCodeTable EMPTY = new Builder().build();

    private final int[] keys;
    private final String[] fedCodes;
    private final float[] shares;

    private PostalCodeTable(int[] keys, String[] fedCodes, float[] shares) {
        this.keys = keys;
        this.fedCodes = fedCodes;
        this.shares = shares;
    }

    int size() {
        return keys.length;
    }

    /** The rows for the postal code, in the order they were added (most likely first); empty when unknown. */
    List<Row> find(PostalCode postalCode) {
        int key = key(postalCode.value());
        int i = Arrays.binarySearch(keys, key);
        if (i < 0) {
            return List.of();
        }
        while (i > 0 && keys[i - 1] == key) {
            i--;
        }
        List<Row> rows = new ArrayList<>(2);
        for (; i < keys.length && keys[i] == key; i++) {
            rows.add(new Row(fedCodes[i], Float.isNaN(shares[i]) ? null : (double) shares[i]));
        }
        return rows;
    }

    /**
     * A postal code {@code A1A 1A1} as an int that sorts like the text: letters and digits alternate, so the code is
     * a mixed-radix number (26 x 10 x 26 x 10 x 26 x 10, under 18 million).
     */
    static int key(String canonical) {
        int key = 0;
        int position = 0;
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            if (c == ' ') {
                continue;
            }
            key = position % 2 == 0 ? key * 26 + (c - 'A') : key * 10 + (c - '0');
            position++;
        }
        return key;
    }

    /** Collects rows in postal-code order (as {@code ORDER BY postal_code, share DESC} returns them). */
    static final class Builder {
        private int[] keys = new int[1024];
        private String[] fedCodes = new String[1024];
        private float[] shares = new float[1024];
        private int size;
        private int lastKey = -1;

        Builder add(String postalCode, String fedCode, Double share) {
            int key = key(postalCode);
            if (key < lastKey) {
                throw new IllegalArgumentException("postal codes must be added in order");
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                fedCodes = Arrays.copyOf(fedCodes, size * 2);
                shares = Arrays.copyOf(shares, size * 2);
            }
            keys[size] = key;
            fedCodes[size] = fedCode.intern();
            shares[size] = share == null ? Float.NaN : share.floatValue();
            size++;
            lastKey = key;
            return this;
        }

        PostalCodeTable build() {
            return new PostalCodeTable(Arrays.copyOf(keys, size), Arrays.copyOf(fedCodes, size),
                    Arrays.copyOf(shares, size));
        }
    }
}
