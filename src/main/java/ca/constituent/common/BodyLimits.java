package ca.constituent.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses a request body larger than the service accepts before any of it reaches a resource, with a 413 in the
 * request's language (a page for a browser, problem+json otherwise). Most bodies (a signature with its note) are
 * small; the paths listed in {@code constituent.http.large-body-paths} (letters a signer edits) may be larger, and
 * organisers' data uploads ({@code constituent.http.upload-paths}) larger still, and their full postal-code tables
 * ({@code constituent.http.table-upload-paths}) largest. A
 * body a little over the limit is read and discarded before the answer, so a browser still uploading sees the page
 * instead of a reset connection; a far larger one closes the connection. A chunked body, which announces no size,
 * is answered 411 (send Content-Length); the HTTP layer's own limit ({@code quarkus.http.limits.max-body-size})
 * still bounds any body that slips past both.
 */
public class BodyLimits {

    /** How many times its limit a refused body may be before it is no longer read to the end. */
    static final int DRAIN_FACTOR = 4;

    void install(@Observes Filters filters, HttpConfig config) {
        long small = config.maxBodyBytes();
        long large = config.maxLargeBodyBytes();
        // Compiled once: String.matches would compile each pattern again for every request.
        List<Pattern> largePaths = compile(config.largeBodyPaths());
        List<Pattern> uploadPaths = compile(config.uploadPaths());
        List<Pattern> tablePaths = compile(config.tableUploadPaths());
        filters.register(ctx -> {
            HttpServerRequest request = ctx.request();
            String length = request.getHeader("Content-Length");
            if (length == null && request.getHeader("Transfer-Encoding") != null) {
                // A chunked body announces no size; without one the limit could only be found by reading it all.
                UnmatchedRoutes.answerAndClose(ctx, 411);
                return;
            }
            if (length != null) {
                String path = request.path();
                long limit = matches(tablePaths, path) ? config.maxTableUploadBytes()
                        : matches(uploadPaths, path) ? config.maxUploadBytes()
                        : matches(largePaths, path) ? large : small;
                long announced = announced(length);
                if (announced > limit) {
                    refuse(ctx, announced <= limit * DRAIN_FACTOR);
                    return;
                }
            }
            ctx.next();
        }, 1000);
    }

    private static long announced(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void refuse(RoutingContext ctx, boolean drain) {
        HttpServerRequest request = ctx.request();
        if (!drain) {
            UnmatchedRoutes.answerAndClose(ctx, 413);
            return;
        }
        request.handler(ignored -> {
        });
        request.endHandler(done -> UnmatchedRoutes.answer(ctx, 413));
        request.exceptionHandler(failure -> request.connection().close());
        request.resume();
    }

    private static List<Pattern> compile(List<String> patterns) {
        return patterns.stream().map(Pattern::compile).toList();
    }

    private static boolean matches(List<Pattern> patterns, String path) {
        return patterns.stream().anyMatch(p -> p.matcher(path).matches());
    }
}
