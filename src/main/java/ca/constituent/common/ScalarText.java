package ca.constituent.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Reads a JSON string, number or boolean as its text, for fields whose value is a number or a yes/no answer but that
 * are checked as text (a coordinate, a consent box) so a wrong value gets a field error in the signer's language.
 * Arrays, objects and anything else are refused. Use with {@code @JsonDeserialize(using = ScalarText.class)}.
 */
public class ScalarText extends StdScalarDeserializer<String> {

    public ScalarText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> parser.getText();
            default -> (String) context.handleUnexpectedToken(String.class, parser);
        };
    }
}
