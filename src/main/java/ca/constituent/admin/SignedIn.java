package ca.constituent.admin;

/** The organiser behind a request: the account and the session token (never shown, never logged). */
@io.quarkus.qute.TemplateData
record SignedIn(long userId, String email, String displayName, String role, String sessionToken) {

    static final String ATTRIBUTE = "constituent.admin";

    boolean isAdmin() {
        return Role.ADMIN.equals(role);
    }
}
