package ca.constituent.riding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The CSV files of the riding data (datasets and postal-code tables): a header row, then records read by column name
 * with Jackson's CSV parser (RFC 4180: commas, double-quoted fields that may hold commas, quotes and line breaks).
 */
final class Csv {

    /** One data row, read by column name; {@code line} is the 1-based line its record starts on. */
    record Row(int line, Map<String, Integer> columns, List<String> values) {

        /** The trimmed value of the column, or an empty string when the column or the value is missing. */
        String get(String column) {
            Integer i = columns.get(column);
            return i == null || i >= values.size() ? "" : values.get(i).strip();
        }

        boolean has(String column) {
            return columns.containsKey(column);
        }
    }

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private Csv() {
    }

    static List<Row> read(Reader source) throws IOException {
        List<Row> rows = new ArrayList<>();
        forEach(source, rows::add);
        return rows;
    }

    /**
     * Streams the data rows to {@code each}, one at a time (a national postal-code table has millions), and returns
     * the header's columns (empty for an empty file).
     */
    static Map<String, Integer> forEach(Reader source, Consumer<Row> each) throws IOException {
        Map<String, Integer> columns = null;
        try (JsonParser parser = FACTORY.createParser(source)) {
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                int line = -1;
                List<String> values = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    if (line < 0) { // the record's first field: where the record starts
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    values.add(parser.getText());
                }
                if (columns == null) {
                    columns = header(values);
                } else if (values.size() > 1 || !values.get(0).isBlank()) {
                    each.accept(new Row(line, columns, values));
                }
            }
        }
        return columns == null ? Map.of() : columns;
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.put(names.get(i).strip().replace("\uFEFF", ""), i);
        }
        return columns;
    }
}
