package ca.constituent.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become answers: every error leaves as {@code application/problem+json} in the
 * request's language, with no stack trace, class name, SQL or personal data. Paths no resource matches reach
 * {@link UnmatchedRoutes}, which answers with the same bodies.
 */
public class ProblemMapper {

    private final Template page;

    ProblemMapper(@Location("error.html") Template page) {
        this.page = page;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        Language language = e.language() != null ? e.language() : RequestLanguage.of(request);
        if (isBrowserPage(request)) {
            // A person following a link to a page gets a page, with the same status, title and detail.
            return Response.status(e.status())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Content-Language", language.code())
                    .entity(page.data("t", new Texts(language)).data("problem", toProblem(e, language)).render())
                    .build();
        }
        return respond(e, language);
    }

    /** A page request from a browser: not under /api, and HTML is the first type the client names. */
    static boolean isBrowserPage(HttpServerRequest request) {
        String accept = request.getHeader("Accept");
        return !request.path().startsWith("/api/") && accept != null
                && accept.stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith("text/html");
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response malformedBody(Exception e, HttpServerRequest request) {
        return respond(MalformedBody.of(e), RequestLanguage.of(request));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String kind;
        if (e instanceof NotFoundException) {
            kind = "not-found";
        } else if (e instanceof NotAllowedException) {
            kind = "method-not-allowed";
        } else if (e instanceof NotSupportedException) {
            kind = "unsupported-media-type";
        } else if (e instanceof NotAcceptableException) {
            kind = "not-acceptable";
        } else {
            kind = kindFor(status);
        }
        ProblemException problem = new ProblemException(status, kind);
        if (e.getCause() instanceof JsonProcessingException json) {
            problem = MalformedBody.of(json);
        } else if (status == 400 && kind.equals("bad-request")) {
            problem = new ProblemException(400, "malformed-body");
        }
        Response response = respond(problem, RequestLanguage.of(request));
        if (e instanceof NotAllowedException && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        logUnexpected(e, request);
        return respond(new ProblemException(500, "internal-error"), RequestLanguage.of(request));
    }

    /**
     * Logs a failure nobody expected. Class names and the frame that threw are enough to find the cause; messages may
     * carry values from the request (names, addresses), so they are never logged, at any level.
     */
    static void logUnexpected(Throwable e, HttpServerRequest request) {
        StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        Log.errorf("Unexpected %s at %s on %s %s", e.getClass().getName(), where, request.method(), request.path());
    }

    static String kindFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 411 -> "length-required";
            case 413 -> "body-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 431 -> "headers-too-large";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
    }

    public static Problem toProblem(ProblemException e, Language language) {
        String kind = Messages.has("problem." + e.kind() + ".title") ? e.kind() : kindFor(e.status());
        List<FieldError> errors = e.invalidFields().isEmpty() ? null : e.invalidFields().stream()
                .map(i -> new FieldError(i.field(), Messages.get(language, i.messageKey())))
                .toList();
        return new Problem("/problems/" + kind,
                Messages.get(language, "problem." + kind + ".title"),
                e.status(),
                Messages.get(language, "problem." + kind + ".detail", e.args()),
                errors);
    }

    public static Response respond(ProblemException e, Language language) {
        return Response.status(e.status())
                .type(Problem.MEDIA_TYPE)
                .header("Content-Language", language.code())
                .entity(toProblem(e, language))
                .build();
    }
}
