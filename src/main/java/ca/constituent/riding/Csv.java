package ca.constituent.riding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small RFC 4180 reader for the riding datasets: a header row, commas, double-quoted fields, LF or CRLF. */
final class Csv {

    /** One data row, read by column name; {@code line} is its 1-based line number in the file. */
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

    private Csv() {
    }

    static List<Row> read(Reader source) throws IOException {
        BufferedReader reader = new BufferedReader(source);
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> columns = null;
        int[] lineCounter = {0};
        while (true) {
            int startLine = lineCounter[0] + 1;
            List<String> record = next(reader, lineCounter);
            if (record == null) {
                break;
            }
            if (columns == null) {
                columns = new HashMap<>();
                for (int i = 0; i < record.size(); i++) {
                    columns.put(record.get(i).strip().replace("\uFEFF", ""), i);
                }
            } else if (record.size() > 1 || !record.get(0).isBlank()) {
                rows.add(new Row(startLine, columns, record));
            }
        }
        return rows;
    }

    /** Reads one record, which may span lines inside quotes; null at the end of the input. */
    private static List<String> next(BufferedReader reader, int[] lineCounter) throws IOException {
        String text = reader.readLine();
        if (text == null) {
            return null;
        }
        lineCounter[0]++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i == text.length()) {
                if (!quoted) {
                    break;
                }
                String more = reader.readLine();
                if (more == null) {
                    throw new IOException("unterminated quoted field at line " + lineCounter[0]);
                }
                lineCounter[0]++;
                field.append('\n');
                text = more;
                i = 0;
                continue;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
