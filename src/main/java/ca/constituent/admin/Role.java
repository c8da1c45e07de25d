package ca.constituent.admin;

import java.util.Locale;
import java.util.Optional;

/** What an organiser may do: {@code admin} everything, {@code viewer} read masked data only. */
public final class Role {

    public static final String ADMIN = "admin";
    public static final String VIEWER = "viewer";

    private Role() {
    }

    static Optional<String> parse(String role) {
        String r = role == null ? "" : role.trim().toLowerCase(Locale.ROOT);
        return ADMIN.equals(r) || VIEWER.equals(r) ? Optional.of(r) : Optional.empty();
    }
}
