package ca.constituent.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A valid signature body, with a unique address unless told otherwise. */
public final class Signer {

    private Signer() {
    }

    public static Map<String, Object> valid() {
        return valid("signer-" + UUID.randomUUID() + "@example.ca");
    }

    public static Map<String, Object> valid(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", "Marie-Ève");
        body.put("lastName", "Tremblay");
        body.put("email", email);
        body.put("postalCode", "k1a0a6");
        body.put("language", "en");
        return body;
    }

    public static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = valid();
        body.put(field, value);
        return body;
    }
}
