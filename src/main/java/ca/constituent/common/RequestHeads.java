package ca.constituent.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Checks the request line and headers before anything else reads them, answering with a problem in the request's
 * language: 414 for an address longer than the service accepts, 400 for one that does not parse, 431 for headers
 * larger than it accepts, 400 for a {@code Host} that is not a host and port, 415 for a {@code Content-Type} that
 * does not parse. The HTTP layer's
 * own limits ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size}) are set well above
 * these, so the answers people see are these problems; only a request beyond the transport limits gets the HTTP
 * layer's bare answer and a closed connection, because Vert.x answers those before any route or filter runs.
 */
public class RequestHeads {

    void install(@Observes Filters filters, HttpConfig config) {
        int maxUri = config.maxUriLength();
        int maxHeaders = config.maxHeaderBytes();
        filters.register(ctx -> {
            HttpServerRequest request = ctx.request();
            if (request.uri().length() > maxUri) {
                refuse(ctx, 414);
            } else if (!parses(request)) {
                refuse(ctx, 400);
            } else if (size(request.headers()) > maxHeaders) {
                refuse(ctx, 431);
            } else if (!hasHost(request)) {
                refuse(ctx, 400);
            } else if (!parses(request.getHeader("Content-Type"))) {
                refuse(ctx, 415);
            } else {
                ctx.next();
            }
        }, 2000);
    }

    private static void refuse(RoutingContext ctx, int status) {
        UnmatchedRoutes.answerAndClose(ctx, status);
    }

    /** The size of the headers as sent: each name, value, colon, space and line break. */
    static long size(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    /**
     * Whether the address is one java.net.URI reads, as the REST layer will: no bad percent-encodings. Quarkus makes
     * the same check before any route runs and answers a bare 400, unless the JVM runs with
     * {@code -Dvertx.disableURIValidation=true}; then this check answers with a problem instead.
     */
    private static boolean parses(HttpServerRequest request) {
        try {
            new URI(request.uri());
            request.path();
            return true;
        } catch (URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the request names a host and port that parse (Vert.x throws on some that do not). */
    private static boolean hasHost(HttpServerRequest request) {
        try {
            return request.authority() != null;
        } catch (RuntimeException unparsable) {
            return false;
        }
    }

    private static boolean parses(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType.valueOf(contentType);
            return !contentType.isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
