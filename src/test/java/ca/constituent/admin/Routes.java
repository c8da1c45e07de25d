package ca.constituent.admin;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Keeps the application's router, so a test can list every route it serves. */
@ApplicationScoped
public class Routes {

    private volatile Router router;

    void capture(@Observes Router router) {
        this.router = router;
    }

    Router router() {
        return router;
    }
}
