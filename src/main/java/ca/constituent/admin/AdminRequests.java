package ca.constituent.admin;

import ca.constituent.abuse.ClientAddress;
import ca.constituent.common.AppConfig;
import ca.constituent.common.Keys;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;

/** What the dashboard needs to know about a request: its origin and its (hashed) address. */
@ApplicationScoped
class AdminRequests {

    private final Keys keys;
    private final ClientAddress clients;
    private final String publicOrigin;

    AdminRequests(Keys keys, ClientAddress clients, AppConfig config) {
        this.keys = keys;
        this.clients = clients;
        this.publicOrigin = origin(config.publicBaseUrl());
    }

    /**
     * Whether the request's {@code Origin} (or, lacking it, {@code Referer}) is this service: the public base URL's
     * origin or the origin the request itself was addressed to. A request naming neither is refused.
     */
    boolean sameOrigin(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank()) {
            String referer = request.getHeader("Referer");
            origin = referer == null ? null : origin(referer);
        }
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            return false;
        }
        String claimed = origin.trim().toLowerCase(Locale.ROOT);
        String self = (request.scheme() + "://" + request.getHeader("Host")).toLowerCase(Locale.ROOT);
        return claimed.equals(publicOrigin) || claimed.equals(self);
    }

    /** The CSRF token of a session: a keyed hash of its token, so it needs no storage and ends with it. */
    String csrfToken(SignedIn who) {
        return keys.hash("admin-csrf", who.sessionToken(), 43);
    }

    /**
     * The keyed hash of the client's address as {@link ClientAddress} resolves it (through trusted proxies only), so
     * behind an ingress the sign-in lock and the audit log name the person's address, not the proxy's.
     */
    String ipHash(HttpServerRequest request) {
        String client = clients.of(request);
        return client == null ? null : keys.hash("ip", client, 22);
    }

    private static String origin(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return (uri.getScheme() + "://" + uri.getHost() + port).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
