package ca.constituent.common;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;

/**
 * Decides whether a failed request came from a person's browser, and renders the problem for them as a page in
 * their language, with the same status, title and detail scripts get as problem+json.
 */
public final class ProblemPages {

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance error(Texts t, Problem problem);
    }

    private ProblemPages() {
    }

    /**
     * A request a browser makes for a person: HTML is the first type it accepts, and it is a page (not under
     * {@code /api}) or a plain HTML form post (which may go to an API path).
     */
    public static boolean wantsPage(HttpServerRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.stripLeading().toLowerCase(Locale.ROOT).startsWith("text/html")) {
            return false;
        }
        String type = request.getHeader("Content-Type");
        boolean formPost = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        return formPost || !request.path().startsWith("/api/");
    }

    /** The problem as an HTML page in {@code language}. */
    public static String render(Problem problem, Language language) {
        return Templates.error(new Texts(language), problem).render();
    }
}
