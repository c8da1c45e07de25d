package ca.constituent.campaign;

import ca.constituent.common.FieldError;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The signature form as the signer left it: the values typed, and each invalid field's message. */
public record SignForm(Map<String, String> values, Map<String, String> errors, List<FieldError> errorList) {

    /** The fields of the form, in the order the page shows them. */
    public static final List<String> FIELDS = List.of("firstName", "lastName", "email", "postalCode", "fedCode",
            "personalNote", "consentUpdates", "latitude", "longitude");

    public static SignForm blank() {
        return new SignForm(Map.of(), Map.of(), List.of());
    }

    public static SignForm of(Map<String, String> values, List<FieldError> errors) {
        Map<String, String> byField = errors.stream()
                .collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a));
        return new SignForm(values, byField, errors);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    public boolean checked(String field) {
        String value = values.get(field);
        return value != null && !value.isBlank() && !value.equals("false");
    }

    /** The ids a field's {@code aria-describedby} names: its error message when it has one, then its hint. */
    public String describedBy(String field, String hint) {
        return ((invalid(field) ? field + "-error " : "") + hint).strip();
    }
}
