package ca.constituent.common;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;

/**
 * Requests that no REST resource, page or static file answers, and bodies refused by the HTTP layer before they
 * reach a resource, get the same answers as the rest of the service: problem+json, or a page for a browser.
 */
public class UnmatchedRoutes {

    void install(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(ctx -> answer(ctx, 404));
        router.errorHandler(404, ctx -> answer(ctx, 404));
        router.errorHandler(405, ctx -> answer(ctx, 405));
        router.errorHandler(413, ctx -> answer(ctx, 413));
    }

    static void answer(RoutingContext ctx, int status) {
        if (ctx.response().headWritten() || ctx.response().ended()) {
            return;
        }
        HttpServerRequest request = ctx.request();
        Language language = RequestLanguage.of(request);
        ProblemException problem = new ProblemException(status, ProblemMapper.kindFor(status));
        Problem body = ProblemMapper.toProblem(problem, language);
        boolean page = ProblemPages.wantsPage(request);
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", page ? "text/html;charset=UTF-8" : Problem.MEDIA_TYPE)
                .putHeader("Content-Language", language.code())
                .end(page ? ProblemPages.render(body, language) : Json.write(body));
    }
}
