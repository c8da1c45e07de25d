package ca.constituent.common;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Security headers on every answer: a Content-Security-Policy that allows only the service's own scripts (no inline
 * script), {@code frame-ancestors 'none'} except on the embed page, which takes the embed allow-list, {@code nosniff}, HSTS outside dev mode; and on pages
 * whose URL carries a signer key, or that show a signer's data, {@code Referrer-Policy: no-referrer} and
 * {@code Cache-Control: no-store}. The Quarkus tools under {@code /q/} keep their own inline scripts and get no CSP.
 */
public class SecurityHeaders {

    /** Paths that show one signer's data, whatever their query. */
    private static final List<String> PERSONAL = List.of("/confirm/", "/letter/", "/api/signatures/", "/my-data",
            "/unsubscribe");
    private static final Set<String> KEY_PARAMS = Set.of("key", "token");
    /** The embed page, the only one other sites may frame. */
    private static final Pattern EMBED = Pattern.compile("/campaigns/[^/]+/embed");

    void install(@Observes Filters filters, SecurityConfig config) {
        if (LaunchMode.current() == LaunchMode.NORMAL && config.frameAncestors().stream()
                .anyMatch(s -> s.strip().matches("\\*|https?:|https?://\\*"))) {
            throw new IllegalStateException("constituent.security.frame-ancestors (FRAME_ANCESTORS) must list the "
                    + "sites that embed the form, never '*', in production");
        }
        String csp = policy(List.of("'none'"));
        String embedCsp = policy(config.frameAncestors());
        boolean hsts = LaunchMode.current() != LaunchMode.DEVELOPMENT;
        filters.register(ctx -> {
            ctx.addHeadersEndHandler(v -> headers(ctx, EMBED.matcher(ctx.request().path() == null ? ""
                    : ctx.request().path()).matches() ? embedCsp : csp, hsts));
            ctx.next();
        }, 2000);
    }

    static String policy(List<String> frameAncestors) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
                + "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors " + String.join(" ", frameAncestors);
    }

    private static void headers(RoutingContext ctx, String csp, boolean hsts) {
        HttpServerRequest request = ctx.request();
        MultiMap headers = ctx.response().headers();
        String path = request.path() == null ? "" : request.path();
        if (!path.startsWith("/q/")) {
            headers.set("Content-Security-Policy", csp);
        }
        headers.set("X-Content-Type-Options", "nosniff");
        if (hsts) {
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        boolean keyed = KEY_PARAMS.stream().anyMatch(p -> request.getParam(p) != null)
                || request.getHeader("X-Signer-Key") != null;
        if (keyed || PERSONAL.stream().anyMatch(path::startsWith)) {
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cache-Control", "no-store");
        } else if (!headers.contains("Referrer-Policy")) {
            headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        }
    }
}
