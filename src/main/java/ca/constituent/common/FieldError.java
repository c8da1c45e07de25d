package ca.constituent.common;

/** One invalid field of a request, as shown in a problem's {@code errors} list. */
public record FieldError(String field, String message) {
}
