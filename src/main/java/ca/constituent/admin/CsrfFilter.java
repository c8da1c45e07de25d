package ca.constituent.admin;

import ca.constituent.common.Keys;
import ca.constituent.common.ProblemException;
import ca.constituent.common.ProblemMapper;
import ca.constituent.common.RequestLanguage;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Every state-changing request to the dashboard carries its session's CSRF token (form field {@code csrf} or header
 * {@code X-CSRF-Token}) and an {@code Origin} of this service; anything else is refused with 403 before the resource
 * runs. The token is a keyed hash of the session token, so it needs no storage and dies with the session.
 */
class CsrfFilter {

    static final String FIELD = "csrf";
    static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final AdminRequests requests;
    private final CurrentAdmin current;

    CsrfFilter(AdminRequests requests, CurrentAdmin current) {
        this.requests = requests;
        this.current = current;
    }

    @ServerRequestFilter
    @WithFormRead
    Optional<Response> check(ResteasyReactiveContainerRequestContext context, HttpServerRequest request) {
        if (SAFE.contains(request.method().name()) || !AdminPaths.isAdmin(request.path())) {
            return Optional.empty();
        }
        SignedIn who = current.get();
        if (who == null) {
            return Optional.empty(); // the security check has answered 401 already; nothing to protect here
        }
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            Object field = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                    .getFormParameter(FIELD, true, false);
            presented = field == null ? null : field.toString();
        }
        if (!requests.sameOrigin(request) || !Keys.matches(requests.csrfToken(who), presented)) {
            return Optional.of(ProblemMapper.respond(new ProblemException(403, "csrf-rejected"),
                    RequestLanguage.of(request)));
        }
        return Optional.empty();
    }
}
