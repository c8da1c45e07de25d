package ca.constituent.abuse;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The client's IP address. {@code X-Forwarded-For} is read only when the peer is a trusted proxy, and then from the
 * right: the first address that is not itself a trusted proxy is the client. A client cannot choose its address by
 * sending the header itself: a proxy appends to what it received, so the client's own entries stay on the left.
 */
@ApplicationScoped
public class ClientAddress {

    private final List<Cidr> trusted;

    ClientAddress(AbuseConfig config) {
        this.trusted = config.trustedProxies().orElse(List.of()).stream()
                .filter(s -> !s.isBlank())
                .map(s -> Cidr.parse(s).orElseThrow(() -> new IllegalStateException(
                        "constituent.abuse.trusted-proxies (TRUSTED_PROXIES): not an IP range: " + s)))
                .toList();
    }

    /** The client address of this request, or null when the connection has none. */
    public String of(HttpServerRequest request) {
        SocketAddress peer = request.connection() != null ? request.connection().remoteAddress()
                : request.remoteAddress();
        String address = peer == null ? null : peer.hostAddress();
        return resolve(address, request.headers().getAll("X-Forwarded-For"));
    }

    String resolve(String peer, List<String> forwardedFor) {
        if (peer == null || !isTrusted(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        String client = peer;
        List<String> hops = forwardedFor.stream()
                .flatMap(h -> java.util.Arrays.stream(h.split(",")))
                .map(String::strip)
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = stripPort(hops.get(i));
            if (Cidr.literal(hop).isEmpty()) {
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return trusted.stream().anyMatch(c -> c.contains(address));
    }

    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
