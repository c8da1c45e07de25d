package ca.constituent.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Refuses a request body larger than the service accepts before any of it is read, with a 413 problem in the
 * request's language. Most bodies (a signature) are small; the paths listed in
 * {@code constituent.http.large-body-paths} (letters a signer edits) may be larger. A chunked body, which announces
 * no size, is answered 411 (send Content-Length); the HTTP layer's own limit
 * ({@code quarkus.http.limits.max-body-size}) still bounds any body that slips past both.
 */
public class BodyLimits {

    void install(@Observes Filters filters, HttpConfig config) {
        long small = config.maxBodyBytes();
        long large = config.maxLargeBodyBytes();
        List<String> largePaths = config.largeBodyPaths();
        filters.register(ctx -> {
            HttpServerRequest request = ctx.request();
            String length = request.getHeader("Content-Length");
            if (length == null && request.getHeader("Transfer-Encoding") != null) {
                // A chunked body announces no size; without one the limit could only be found by reading it all.
                UnmatchedRoutes.answer(ctx, 411);
                request.connection().close();
                return;
            }
            if (length != null) {
                long limit = largePaths.stream().anyMatch(p -> request.path().matches(p)) ? large : small;
                long announced;
                try {
                    announced = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    announced = Long.MAX_VALUE;
                }
                if (announced > limit) {
                    UnmatchedRoutes.answer(ctx, 413);
                    request.connection().close();
                    return;
                }
            }
            ctx.next();
        }, 1000);
    }
}
