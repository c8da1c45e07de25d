package ca.constituent.admin;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/admin/campaigns/{slug}/exports}: CSV files streamed from the database, admins only, each audited. */
@Path("/api/admin/campaigns/{slug}/exports")
@Produces("text/csv")
@Tag(name = "Exports")
@RolesAllowed(Role.ADMIN)
class ExportResource {

    private final Exports exports;
    private final CurrentAdmin current;
    private final AdminRequests requests;

    ExportResource(Exports exports, CurrentAdmin current, AdminRequests requests) {
        this.exports = exports;
        this.current = current;
        this.requests = requests;
    }

    @GET
    @Path("signatures.csv")
    @Operation(summary = "Confirmed signatures; contact details only for signers who consented to updates")
    public Response signatures(String slug, HttpServerRequest request) {
        return file(exports.signatures(slug, current.get(), requests.ipHash(request)), slug + "-signatures.csv");
    }

    @GET
    @Path("counts-by-riding.csv")
    @Operation(summary = "Confirmed signatures per riding")
    public Response byRiding(String slug, HttpServerRequest request) {
        return file(exports.byRiding(slug, current.get(), requests.ipHash(request)), slug + "-by-riding.csv");
    }

    @GET
    @Path("counts-by-province.csv")
    @Operation(summary = "Confirmed signatures per province")
    public Response byProvince(String slug, HttpServerRequest request) {
        return file(exports.byProvince(slug, current.get(), requests.ipHash(request)), slug + "-by-province.csv");
    }

    private static Response file(StreamingOutput body, String name) {
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
