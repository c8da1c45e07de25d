package ca.constituent.admin;

/** The dashboard's paths: pages under {@code /admin}, the API under {@code /api/admin}. */
final class AdminPaths {

    static final String SIGN_IN = "/admin/sign-in";

    private AdminPaths() {
    }

    static boolean isAdmin(String path) {
        return isPage(path) || isApi(path);
    }

    static boolean isPage(String path) {
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    static boolean isApi(String path) {
        return path.equals("/api/admin") || path.startsWith("/api/admin/");
    }
}
