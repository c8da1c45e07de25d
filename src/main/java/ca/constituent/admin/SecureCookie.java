package ca.constituent.admin;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Marks the session cookie {@code Secure} whenever it is set. Form authentication only does so when the connection
 * itself is TLS, which it is not behind a TLS-terminating proxy.
 */
class SecureCookie {

    void install(@Observes Router router, AdminConfig config,
                 @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
        if (!config.secureCookie()) {
            return;
        }
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(done -> {
                for (Cookie cookie : ctx.request().cookies(cookieName)) {
                    if (cookie instanceof ServerCookie server && server.isChanged()) {
                        cookie.setSecure(true);
                    }
                }
            });
            ctx.next();
        });
    }
}
