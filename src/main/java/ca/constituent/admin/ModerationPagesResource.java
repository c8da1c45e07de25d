package ca.constituent.admin;

import ca.constituent.common.Language;
import ca.constituent.common.RequestLanguage;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /admin/moderation}: find signatures, invalidate or restore the ticked ones or a whole search, see jobs. */
@Path("/admin/moderation")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Dashboard pages")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
class ModerationPagesResource {

    private static final List<String> STATES = List.of("pending", "confirmed", "held", "invalidated");

    private final AdminPages pages;
    private final CurrentAdmin current;
    private final SignatureSearch search;
    private final Moderation moderation;
    private final ModerationJobs jobs;
    private final AdminRequests requests;
    private final Template page;

    ModerationPagesResource(AdminPages pages, CurrentAdmin current, SignatureSearch search, Moderation moderation,
                            ModerationJobs jobs, AdminRequests requests,
                            @Location("admin/moderation.html") Template page) {
        this.pages = pages;
        this.current = current;
        this.search = search;
        this.moderation = moderation;
        this.jobs = jobs;
        this.requests = requests;
        this.page = page;
    }

    @GET
    @Operation(summary = "Find signatures; admins invalidate or restore them, one by one or a whole search")
    public String show(@BeanParam SearchForm form, @RestQuery String before, @RestQuery Integer changed,
                       @HeaderParam("Accept-Language") String al) {
        Language language = RequestLanguage.of(form.lang, al);
        String slug = CampaignPagesResource.slug(form.campaign);
        SignatureFilter filter = form.filter(language);
        SignedIn who = current.get();
        List<ModerationJob> recent = jobs.recent(CampaignStats.campaign(slug).id);
        return pages.page(page, language, who, "/admin/moderation").data("slug", slug)
                .data("campaigns", CampaignPagesResource.choices()).data("form", form)
                .data("query", form.query(slug, language)).data("searched", !filter.isEmpty())
                .data("page", search.page(slug, filter, before, !who.isAdmin())).data("first", before == null)
                .data("changed", changed).data("states", STATES).data("jobs", recent)
                .data("running", recent.stream().anyMatch(j -> !"done".equals(j.status()))).render();
    }

    @POST
    @Path("selection")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Invalidate or restore the ticked signatures, then show the search again")
    public Response moderate(@BeanParam SearchForm form, @RestForm String action, @RestForm String reason,
                             @RestForm List<String> ids, HttpServerRequest request) {
        Language language = RequestLanguage.of(form.lang, null);
        String slug = CampaignPagesResource.slug(form.campaign);
        int changed = moderation.moderate(slug, Moderation.action(action, language), ids, reason, current.get(),
                requests.ipHash(request), language);
        return Response.seeOther(URI.create("/admin/moderation?" + form.query(slug, language) + "&changed="
                + changed)).build();
    }

    @POST
    @Path("jobs")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Invalidate or restore every signature the search matches, in the background")
    public Response startJob(@BeanParam SearchForm form, @RestForm String action, @RestForm String reason,
                             HttpServerRequest request) {
        Language language = RequestLanguage.of(form.lang, null);
        String slug = CampaignPagesResource.slug(form.campaign);
        jobs.start(slug, action, reason, form.filter(language), current.get(), requests.ipHash(request), language);
        return Response.seeOther(URI.create("/admin/moderation?" + form.query(slug, language) + "#jobs")).build();
    }
}
