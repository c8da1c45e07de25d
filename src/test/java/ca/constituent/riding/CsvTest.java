package ca.constituent.riding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksByColumnName() throws Exception {
        List<Csv.Row> rows = Csv.read(new StringReader(
                "fed_num,notes,name\r\n10001,\"verify, \"\"twice\"\"\",Avalon\n\n12001,\"two\nlines\",Acadie\n"));
        assertEquals(2, rows.size());
        assertEquals("verify, \"twice\"", rows.get(0).get("notes"));
        assertEquals("Avalon", rows.get(0).get("name"));
        assertEquals("two\nlines", rows.get(1).get("notes"));
        assertEquals(4, rows.get(1).line());
        assertEquals("", rows.get(1).get("missing_column"));
    }
}
