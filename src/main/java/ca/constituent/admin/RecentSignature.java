package ca.constituent.admin;

import io.quarkus.qute.TemplateData;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * A signature as the dashboard lists it. For a viewer the address shows only its first character and its domain
 * ({@code a***@example.org}), the postal code only its first three characters, the last name only its initial.
 */
@TemplateData
public record RecentSignature(String id, OffsetDateTime createdAt, String state, String firstName, String lastName,
                              String email, String postalCode, String province, String fedCode, String language) {

    RecentSignature masked() {
        return new RecentSignature(id, createdAt, state, firstName, initial(lastName), maskEmail(email),
                postalCode == null ? null : postalCode.substring(0, Math.min(3, postalCode.length())), province,
                fedCode, language);
    }

    static String maskEmail(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return email.substring(0, 1) + "***" + email.substring(at).toLowerCase(Locale.ROOT);
    }

    private static String initial(String name) {
        return name == null || name.isEmpty() ? "" : name.substring(0, name.offsetByCodePoints(0, 1)) + ".";
    }
}
