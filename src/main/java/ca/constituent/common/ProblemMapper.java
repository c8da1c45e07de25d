package ca.constituent.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
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

    /** Seconds a client should wait before retrying a 503 (the database restarting, intake over capacity). */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return answer(e, e.language() != null ? e.language() : RequestLanguage.of(request), request);
    }

    /** A person's browser gets a page, with the same status, title and detail; anything else problem+json. */
    static Response answer(ProblemException e, Language language, HttpServerRequest request) {
        if (!ProblemPages.wantsPage(request)) {
            return respond(e, language);
        }
        return withRetryAfter(Response.status(e.status()), e.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Language", language.code())
                .entity(ProblemPages.render(toProblem(e, language), language))
                .build();
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response malformedBody(Exception e, HttpServerRequest request) {
        return answer(MalformedBody.of(e), RequestLanguage.of(request), request);
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
        Response response = answer(problem, RequestLanguage.of(request), request);
        if (e instanceof NotAllowedException && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (DatabaseFailures.isUnavailable(e)) {
            Log.warnf("Database unavailable (SQL state %s) on %s %s", DatabaseFailures.sqlState(e), request.method(),
                    request.path());
            return answer(unavailable(), RequestLanguage.of(request), request);
        }
        logUnexpected(e, request);
        return answer(new ProblemException(500, "internal-error"), RequestLanguage.of(request), request);
    }

    /**
     * Logs a failure nobody expected. Class names and the frame that threw are enough to find the cause; messages may
     * carry values from the request (names, addresses), so they are never logged, at any level.
     */
    static void logUnexpected(Throwable e, HttpServerRequest request) {
        StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        Log.errorf("Unexpected %s at %s on %s %s", e.getClass().getName(), where, request.method(), request.path());
    }

    /** The database is away or refuses writes: nothing was stored, and a retry in a few seconds may succeed. */
    public static ProblemException unavailable() {
        return new ProblemException(503, "unavailable");
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
            case 503 -> "unavailable";
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
        return withRetryAfter(Response.status(e.status()), e.status())
                .type(Problem.MEDIA_TYPE)
                .header("Content-Language", language.code())
                .entity(toProblem(e, language))
                .build();
    }

    /** A 503 says when to come back (RFC 9110 Retry-After, in seconds), so clients back off instead of hammering. */
    static Response.ResponseBuilder withRetryAfter(Response.ResponseBuilder builder, int status) {
        return status == 503 ? builder.header("Retry-After", RETRY_AFTER_SECONDS) : builder;
    }
}
