package ca.constituent.admin;

import ca.constituent.common.Language;
import ca.constituent.common.ProblemException;
import ca.constituent.common.ProblemMapper;
import ca.constituent.common.RequestLanguage;
import ca.constituent.common.Texts;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers to requests the dashboard refuses: a page asked for without a live session redirects to the sign-in page;
 * the API answers 401 problem+json; a viewer attempting a write gets 403 (a page or problem+json).
 */
class AccessProblems {

    private final Template page;

    AccessProblems(@Location("error.html") Template page) {
        this.page = page;
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    Response unauthorized(HttpServerRequest request) {
        Language language = RequestLanguage.of(request);
        if (AdminPaths.isPage(request.path())) {
            // A refused sign-in form says so; any other page asks to sign in.
            String error = AdminPaths.SIGN_IN.equals(request.path()) ? "error=1&" : "";
            return Response.seeOther(URI.create(AdminPaths.SIGN_IN + "?" + error + "lang=" + language.code())).build();
        }
        return Response.fromResponse(ProblemMapper.respond(new ProblemException(401, "unauthorized"), language))
                .header("WWW-Authenticate", "FormAuth")
                .build();
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, HttpServerRequest request) {
        Language language = RequestLanguage.of(request);
        ProblemException problem = new ProblemException(403, "forbidden");
        if (AdminPaths.isPage(request.path())) {
            return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page.data("t", new Texts(language))
                            .data("problem", ProblemMapper.toProblem(problem, language)).render())
                    .build();
        }
        return ProblemMapper.respond(problem, language);
    }
}
