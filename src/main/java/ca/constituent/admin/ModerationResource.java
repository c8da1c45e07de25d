package ca.constituent.admin;

import ca.constituent.common.Language;
import ca.constituent.common.RequestLanguage;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /api/admin}: find signatures, invalidate and restore them, one by one or a whole search in the background. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
class ModerationResource {

    /** Signatures to invalidate or restore, and why. */
    record Selection(List<String> ids, String reason) {
    }

    /** How many signatures changed. */
    record Changed(int changed) {
    }

    /** A bulk job: what to do to every signature a search matches, and why. */
    record Bulk(String action, String reason, String email, String domain, String postalCode, String riding,
                String from, String to, String ipHash, String state) {

        SignatureFilter filter(Language language) {
            return SignatureFilter.of(email, domain, postalCode, riding, from, to, ipHash, state, language);
        }
    }

    private final SignatureSearch search;
    private final Moderation moderation;
    private final ModerationJobs jobs;
    private final CurrentAdmin current;
    private final AdminRequests requests;

    ModerationResource(SignatureSearch search, Moderation moderation, ModerationJobs jobs, CurrentAdmin current,
                       AdminRequests requests) {
        this.search = search;
        this.moderation = moderation;
        this.jobs = jobs;
        this.current = current;
        this.requests = requests;
    }

    @GET
    @Path("campaigns/{slug}/signatures/search")
    @Operation(summary = "Find signatures by address, domain, postal code or FSA, riding, dates, IP hash or state",
            description = "Newest first by keyset (pass next as before); masked for viewers.")
    public SignatureSearch.Page find(String slug, @RestQuery String email, @RestQuery String domain,
                                     @RestQuery String postalCode, @RestQuery String riding, @RestQuery String from,
                                     @RestQuery String to, @RestQuery String ipHash, @RestQuery String state,
                                     @RestQuery String before, @RestQuery String lang,
                                     @HeaderParam("Accept-Language") String al) {
        SignatureFilter filter = SignatureFilter.of(email, domain, postalCode, riding, from, to, ipHash, state,
                RequestLanguage.of(lang, al));
        return search.page(slug, filter, before, !current.get().isAdmin());
    }

    @POST
    @Path("campaigns/{slug}/signatures/invalidation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Invalidate signatures (up to 1,000 ids) with a reason: out of every count, no more mail")
    public Changed invalidate(String slug, Selection selection, @HeaderParam("Accept-Language") String al,
                              HttpServerRequest request) {
        return moderate(slug, Moderation.INVALIDATE, selection, al, request);
    }

    @POST
    @Path("campaigns/{slug}/signatures/restoration")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Restore invalidated signatures (up to 1,000 ids) to the state they had, with a reason")
    public Changed restore(String slug, Selection selection, @HeaderParam("Accept-Language") String al,
                           HttpServerRequest request) {
        return moderate(slug, Moderation.RESTORE, selection, al, request);
    }

    @POST
    @Path("campaigns/{slug}/moderation-jobs")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Invalidate or restore every signature a search matches, in the background, in batches")
    public Response startJob(String slug, Bulk bulk, @HeaderParam("Accept-Language") String al,
                             HttpServerRequest request) {
        Language language = RequestLanguage.of(null, al);
        Bulk body = bulk == null ? new Bulk(null, null, null, null, null, null, null, null, null, null) : bulk;
        ModerationJob job = jobs.start(slug, body.action(), body.reason(), body.filter(language), current.get(),
                requests.ipHash(request), language);
        return Response.accepted(job).header("Location", "/api/admin/moderation-jobs/" + job.id()).build();
    }

    @GET
    @Path("campaigns/{slug}/moderation-jobs")
    @Operation(summary = "A campaign's ten newest bulk moderation jobs with their progress")
    public List<ModerationJob> jobs(String slug) {
        return jobs.recent(CampaignStats.campaign(slug).id);
    }

    @GET
    @Path("moderation-jobs/{id}")
    @Operation(summary = "A bulk moderation job's progress")
    public ModerationJob job(long id) {
        return jobs.get(id);
    }

    private Changed moderate(String slug, String action, Selection selection, String al, HttpServerRequest request) {
        Selection body = selection == null ? new Selection(null, null) : selection;
        return new Changed(moderation.moderate(slug, action, body.ids(), body.reason(), current.get(),
                requests.ipHash(request), RequestLanguage.of(null, al)));
    }
}
