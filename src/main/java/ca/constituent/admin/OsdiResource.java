package ca.constituent.admin;

import ca.constituent.common.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code /api/admin/osdi/v1}: an OSDI-shaped API (HAL+JSON) so CRMs in the style of Action Network can pull
 * petitions, their signatures and their letters to MPs (outreaches). Admins only; every page read is audited.
 */
@Path("/api/admin/osdi/v1")
@Produces(OsdiResource.HAL)
@Tag(name = "OSDI")
@RolesAllowed(Role.ADMIN)
class OsdiResource {

    static final String HAL = "application/hal+json";
    static final String ROOT = "/api/admin/osdi/v1";

    private final Osdi osdi;
    private final CurrentAdmin current;
    private final AdminRequests requests;

    OsdiResource(Osdi osdi, CurrentAdmin current, AdminRequests requests) {
        this.osdi = osdi;
        this.current = current;
        this.requests = requests;
    }

    @GET
    @Path("petitions")
    @Operation(summary = "Every campaign as an OSDI petition, paged (page, per_page up to 100)")
    public Map<String, Object> petitions(@RestQuery Integer page, @RestQuery("per_page") Integer perPage,
                                         @Context UriInfo uri, HttpServerRequest request) {
        int number = page(page);
        int size = perPage(perPage);
        Osdi.Page found = osdi.petitions(number, size, href(uri), entry("osdi-petitions", "osdi", request));
        return OsdiDocuments.collection("petitions", "/petitions", found, number, size, href(uri));
    }

    @GET
    @Path("petitions/{slug}")
    @Operation(summary = "One campaign as an OSDI petition (identified by the campaign's slug)")
    public Map<String, Object> petition(String slug, @Context UriInfo uri, HttpServerRequest request) {
        return osdi.petition(slug, href(uri), entry("osdi-petition", "campaign:" + slug, request));
    }

    @GET
    @Path("petitions/{slug}/signatures")
    @Operation(summary = "A campaign's confirmed signatures, oldest first; the signer only with consent to updates")
    public Map<String, Object> signatures(String slug, @RestQuery Integer page, @RestQuery("per_page") Integer perPage,
                                          @Context UriInfo uri, HttpServerRequest request) {
        int number = page(page);
        int size = perPage(perPage);
        Osdi.Page found = osdi.signatures(slug, number, size, href(uri),
                entry("osdi-signatures", "campaign:" + slug, request));
        return OsdiDocuments.collection("signatures", "/petitions/" + slug + "/signatures", found, number, size,
                href(uri));
    }

    @GET
    @Path("petitions/{slug}/outreaches")
    @Operation(summary = "A campaign's letters to MPs as OSDI outreaches, oldest first")
    public Map<String, Object> outreaches(String slug, @RestQuery Integer page, @RestQuery("per_page") Integer perPage,
                                          @Context UriInfo uri, HttpServerRequest request) {
        int number = page(page);
        int size = perPage(perPage);
        Osdi.Page found = osdi.outreaches(slug, number, size, href(uri),
                entry("osdi-outreaches", "campaign:" + slug, request));
        return OsdiDocuments.collection("outreaches", "/petitions/" + slug + "/outreaches", found, number, size,
                href(uri));
    }

    @GET
    @Path("petitions/{slug}/signatures/{id}")
    @Operation(summary = "One confirmed signature of a campaign, as in its collection")
    public Map<String, Object> signature(String slug, String id, @Context UriInfo uri, HttpServerRequest request) {
        return osdi.signature(slug, id, href(uri), entry("osdi-signature", "signature:" + id, request));
    }

    @GET
    @Path("petitions/{slug}/outreaches/{id}")
    @Operation(summary = "One letter to an MP of a campaign, as in its collection")
    public Map<String, Object> outreach(String slug, String id, @Context UriInfo uri, HttpServerRequest request) {
        return osdi.outreach(slug, id, href(uri), entry("osdi-outreach", "mp_email:" + id, request));
    }

    private AdminAudit.Entry entry(String action, String target, HttpServerRequest request) {
        return AdminAudit.Entry.by(current.get(), action, target, null, requests.ipHash(request));
    }

    private static Function<String, String> href(UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        return path -> base + ROOT + path;
    }

    private static int page(Integer page) {
        if (page != null && page < 1) {
            throw new ProblemException(400, "bad-request");
        }
        return page == null ? 1 : page;
    }

    private static int perPage(Integer perPage) {
        if (perPage != null && (perPage < 1 || perPage > Osdi.MAX_PER_PAGE)) {
            throw new ProblemException(400, "bad-request");
        }
        return perPage == null ? 25 : perPage;
    }
}
