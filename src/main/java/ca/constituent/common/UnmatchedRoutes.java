package ca.constituent.common;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Requests that no REST resource, page or static file answers, and bodies refused by the HTTP layer before they
 * reach a resource, get the same answers as the rest of the service: problem+json, or a page for a browser.
 */
public class UnmatchedRoutes {

    private static final Set<Integer> REFUSALS = Set.of(400, 413, 414, 431);

    void install(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(ctx -> answer(ctx, 404));
        router.route().order(Integer.MIN_VALUE).failureHandler(UnmatchedRoutes::refused);
        router.errorHandler(404, ctx -> answer(ctx, 404));
        router.errorHandler(405, ctx -> answer(ctx, 405));
        router.errorHandler(413, ctx -> answer(ctx, 413));
    }

    /**
     * A request the HTTP layer refused before or beside the REST resources (a {@code Host} it cannot read, a path
     * it cannot decode, a body handler's refusal): answered as a problem too, rather than a bare status or the
     * framework's error body. Other failures, such as sign-in's 401 and 403, are left to their own handlers.
     */
    static void refused(RoutingContext ctx) {
        if (REFUSALS.contains(ctx.statusCode())) {
            answer(ctx, ctx.statusCode());
        } else {
            ctx.next();
        }
    }

    static void answer(RoutingContext ctx, int status) {
        send(ctx, status);
    }

    /**
     * Answers, then closes the connection once the answer has been written (the client may still be sending a body
     * the service will not read). Closing at once could drop the answer still queued in the channel: the client then
     * saw no bytes at all.
     */
    static void answerAndClose(RoutingContext ctx, int status) {
        if (!ctx.response().headWritten()) {
            ctx.response().putHeader("Connection", "close");
        }
        io.vertx.core.Future<Void> written = send(ctx, status);
        if (written == null) {
            ctx.request().connection().close();
        } else {
            written.onComplete(done -> ctx.request().connection().close());
        }
    }

    /** The answer's write, or null when a response had already begun. */
    private static io.vertx.core.Future<Void> send(RoutingContext ctx, int status) {
        if (ctx.response().headWritten() || ctx.response().ended()) {
            return null;
        }
        HttpServerRequest request = ctx.request();
        Language language = RequestLanguage.of(request);
        ProblemException problem = new ProblemException(status, ProblemMapper.kindFor(status));
        Problem body = ProblemMapper.toProblem(problem, language);
        boolean page = ProblemPages.wantsPage(request);
        return ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", page ? "text/html;charset=UTF-8" : Problem.MEDIA_TYPE)
                .putHeader("Content-Language", language.code())
                .end(page ? ProblemPages.render(body, language) : Json.write(body));
    }
}
