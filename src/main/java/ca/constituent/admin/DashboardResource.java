package ca.constituent.admin;

import ca.constituent.common.Language;
import ca.constituent.common.RequestLanguage;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The dashboard's overview and audit pages, and sign-out. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Dashboard pages")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
class DashboardResource {

    private final AdminPages pages;
    private final CampaignStats stats;
    private final AdminAudit audit;
    private final AdminSessions sessions;
    private final AdminRequests requests;
    private final CurrentAdmin current;
    private final AdminConfig config;
    private final Template overview;
    private final Template auditPage;

    DashboardResource(AdminPages pages, CampaignStats stats, AdminAudit audit, AdminSessions sessions,
                      AdminRequests requests, CurrentAdmin current, AdminConfig config,
                      @Location("admin/overview.html") Template overview,
                      @Location("admin/audit.html") Template auditPage) {
        this.pages = pages;
        this.stats = stats;
        this.audit = audit;
        this.sessions = sessions;
        this.requests = requests;
        this.current = current;
        this.config = config;
        this.overview = overview;
        this.auditPage = auditPage;
    }

    @GET
    @Operation(summary = "Every campaign's counts, letters and timeline")
    public String overview(@RestQuery String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = RequestLanguage.of(lang, acceptLanguage);
        return pages.page(overview, language, current.get(), "/admin")
                .data("campaigns", stats.overviews())
                .render();
    }

    @GET
    @Path("audit")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "The audit log, newest first, paged by keyset")
    public String audit(@RestQuery Long before, @RestQuery String lang,
                        @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = RequestLanguage.of(lang, acceptLanguage);
        var lines = audit.page(before, config.pageSize());
        return pages.page(auditPage, language, current.get(), "/admin/audit")
                .data("lines", lines)
                .data("next", lines.size() == config.pageSize() ? lines.get(lines.size() - 1).id() : null)
                .render();
    }

    @POST
    @Path("sign-out")
    @Operation(summary = "End this session")
    public Response signOut(@RestQuery String lang, RoutingContext http) {
        SignedIn who = current.get();
        sessions.end(who.sessionToken());
        audit.record(AdminAudit.Entry.by(who, "sign-out", null, null, requests.ipHash(http.request())));
        FormAuthenticationMechanism.logout(http);
        String language = lang == null ? "" : "&lang=" + Language.parse(lang).orElse(Language.EN).code();
        return Response.seeOther(URI.create(AdminPaths.SIGN_IN + "?out=1" + language)).build();
    }
}
