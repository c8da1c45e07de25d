package ca.constituent.admin;

import ca.constituent.common.Language;
import ca.constituent.common.RequestLanguage;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The sign-in page, the one dashboard page open to everyone. The form posts to the same path, where Quarkus form
 * authentication checks it ({@link PasswordSignIn}).
 */
@Path(AdminPaths.SIGN_IN)
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Dashboard pages")
@PermitAll
class SignInResource {

    private final Template page;
    private final AdminPages pages;

    SignInResource(@Location("admin/sign-in.html") Template page, AdminPages pages) {
        this.page = page;
        this.pages = pages;
    }

    @GET
    @Operation(summary = "The organisers' sign-in form")
    public Response signIn(@RestQuery String lang, @RestQuery String error, @RestQuery String out,
                           @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = RequestLanguage.of(lang, acceptLanguage);
        String html = pages.page(page, language, null, AdminPaths.SIGN_IN)
                .data("failed", error != null)
                .data("signedOut", out != null)
                .render();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(html).cacheControl(noStore).build();
    }
}
