package ca.constituent.common;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A JSON body that could not be read as the request type: a 400 {@code malformed-body} problem that names the field
 * when there is one (a field of the wrong JSON type, or a field the request does not have). Field names come from
 * the client, so only names that look like ours are echoed back.
 */
final class MalformedBody {

    private static final Pattern SAFE_FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\[\\]]{0,63}");

    private MalformedBody() {
    }

    static ProblemException of(Throwable failure) {
        if (!(failure instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return new ProblemException(400, "malformed-body");
        }
        String field = mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (!SAFE_FIELD.matcher(field).matches()) {
            return new ProblemException(400, "malformed-body");
        }
        String key = failure instanceof UnrecognizedPropertyException ? "field.unknown" : "field.wrong-type";
        return new ProblemException(400, "malformed-body", null, List.of(new ProblemException.Invalid(field, key)),
                null);
    }
}
