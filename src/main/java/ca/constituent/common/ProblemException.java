package ca.constituent.common;

import java.util.List;
import java.util.Map;

/**
 * A failure the client caused or should know about, turned into problem+json by {@link ProblemMapper}. The
 * {@code kind} names the problem type ({@code /problems/<kind>}) and the message keys
 * {@code problem.<kind>.title} and {@code problem.<kind>.detail}. Messages never carry personal data.
 */
public class ProblemException extends RuntimeException {

    /** A field that failed validation: its JSON name and the message key that explains why. */
    public record Invalid(String field, String messageKey) {
    }

    private final int status;
    private final String kind;
    private final Map<String, ?> args;
    private final List<Invalid> invalid;
    private final Language language;

    public ProblemException(int status, String kind, Map<String, ?> args, List<Invalid> invalid, Language language) {
        super(kind, null, false, false);
        this.status = status;
        this.kind = kind;
        this.args = args == null ? Map.of() : args;
        this.invalid = invalid == null ? List.of() : List.copyOf(invalid);
        this.language = language;
    }

    public ProblemException(int status, String kind) {
        this(status, kind, Map.of(), List.of(), null);
    }

    public static ProblemException invalid(List<Invalid> invalid, Language language) {
        return new ProblemException(400, "invalid-request", Map.of(), invalid, language);
    }

    public static ProblemException notFound(String kind) {
        return new ProblemException(404, kind);
    }

    public static ProblemException conflict(String kind) {
        return new ProblemException(409, kind);
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public Map<String, ?> args() {
        return args;
    }

    public List<Invalid> invalidFields() {
        return invalid;
    }

    /** The language the request asked for, when the request body said so; otherwise the headers decide. */
    public Language language() {
        return language;
    }

    public ProblemException in(Language requested) {
        return new ProblemException(status, kind, args, invalid, requested);
    }
}
