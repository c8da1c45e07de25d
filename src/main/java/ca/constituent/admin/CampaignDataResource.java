package ca.constituent.admin;

import ca.constituent.common.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /api/admin}: riding counts and boundaries for the map, the letters outbox, recent signatures. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
class CampaignDataResource {

    private final RidingCounts ridings;
    private final LetterOutbox letters;
    private final RecentSignatures signatures;
    private final CurrentAdmin current;
    private final AdminAudit audit;
    private final AdminRequests requests;

    CampaignDataResource(RidingCounts ridings, LetterOutbox letters, RecentSignatures signatures,
                         CurrentAdmin current, AdminAudit audit, AdminRequests requests) {
        this.ridings = ridings;
        this.letters = letters;
        this.signatures = signatures;
        this.current = current;
        this.audit = audit;
        this.requests = requests;
    }

    @GET
    @Path("campaigns/{slug}/ridings")
    @Operation(summary = "Confirmed signatures in every riding, with its names and MP")
    public RidingCounts.Result ridings(String slug) {
        return ridings.of(slug);
    }

    @GET
    @Path("ridings/boundaries")
    @Produces("application/geo+json")
    @Operation(summary = "The 343 riding boundaries, simplified for the map, gzipped and cacheable")
    public Response boundaries(@HeaderParam("If-None-Match") String ifNoneMatch,
                               @HeaderParam("Accept-Encoding") String acceptEncoding) {
        RidingMap.Boundaries b = ridings.boundaries();
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(86_400);
        if (b.etag().equals(ifNoneMatch)) {
            return Response.notModified(new EntityTag(b.etag().replace("\"", ""))).cacheControl(cache).build();
        }
        if (acceptEncoding == null || !acceptEncoding.contains("gzip")) {
            throw new ProblemException(406, "not-acceptable");
        }
        return Response.ok(b.gzipped()).header("Content-Encoding", "gzip").header("Vary", "Accept-Encoding")
                .header("ETag", b.etag()).cacheControl(cache).build();
    }

    @GET
    @Path("campaigns/{slug}/letters")
    @Operation(summary = "The letters outbox per riding and MP, with failures and their reasons")
    public Letters letters(String slug, @RestQuery String lang) {
        return letters.of(slug, lang);
    }

    @POST
    @Path("letters/{id}/retry")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Queue a failed letter again (admin only)")
    public Response retry(long id, HttpServerRequest request) {
        if (!letters.retry(id, current.get(), requests.ipHash(request), audit)) {
            throw ProblemException.conflict("letter-not-retryable");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("campaigns/{slug}/signatures")
    @Operation(summary = "Signatures newest first, by keyset (pass the previous page's next as before)",
            description = "Addresses, postal codes and last names are masked for viewers.")
    public RecentSignatures.Page signatures(String slug, @RestQuery String before) {
        SignedIn who = current.get();
        return signatures.page(slug, before, !who.isAdmin());
    }
}
