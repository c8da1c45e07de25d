package ca.constituent.admin;

import ca.constituent.riding.MpChanges;
import ca.constituent.riding.MpDiff;
import ca.constituent.riding.MpList;
import ca.constituent.riding.PostalCodeChanges;
import ca.constituent.riding.PostalCodeDiff;
import ca.constituent.common.Ids;
import ca.constituent.common.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code /api/admin}: MP data. An MP list is uploaded (validated completely, stored with its diff), then applied by
 * its id; one riding's seat may be edited directly. Every write is admin-only and audited.
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MP data")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
class MpDataResource {

    private final MpData data;
    private final MpChanges changes;
    private final PostalCodeChanges postalCodes;
    private final CurrentAdmin current;
    private final AdminRequests requests;

    MpDataResource(MpData data, MpChanges changes, PostalCodeChanges postalCodes, CurrentAdmin current,
                   AdminRequests requests) {
        this.data = data;
        this.changes = changes;
        this.postalCodes = postalCodes;
        this.current = current;
        this.requests = requests;
    }

    @POST
    @Path("mp-uploads")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Upload an MP list (CSV, columns of mps_45th_parliament.csv): validated, stored, diffed",
            description = "Nothing changes until the upload is applied. Errors name line numbers.")
    public Response upload(byte[] csv, @RestQuery String fileName, HttpServerRequest request) {
        MpChanges.Staged staged = data.stage(fileName, csv == null ? new byte[0] : csv, current.get(),
                requests.ipHash(request));
        return Response.created(URI.create("/api/admin/mp-uploads/" + staged.id())).entity(staged).build();
    }

    @GET
    @Path("mp-uploads/{id}")
    @Operation(summary = "A staged MP list and what applying it now would change")
    public MpChanges.Staged upload(String id) {
        return changes.staged(Ids.parseUuid(id));
    }

    @POST
    @Path("mp-uploads/{id}/apply")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Apply a staged MP list; queued letters follow the new MPs or are held")
    public MpDiff apply(String id, HttpServerRequest request) {
        return data.apply(Ids.parseUuid(id), current.get(), requests.ipHash(request));
    }

    @POST
    @Path("postal-code-uploads")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Upload a full postal-code table (CSV postal_code,fed_code[,share]): validated, stored, diffed",
            description = "Up to 32 MB. Nothing changes until the upload is applied. Errors name line numbers.")
    public Response uploadPostalCodes(InputStream csv, @RestQuery String fileName, HttpServerRequest request) {
        java.nio.file.Path file = null;
        try {
            file = Files.createTempFile("postal-codes", ".csv");
            Files.copy(csv, file, StandardCopyOption.REPLACE_EXISTING);
            PostalCodeChanges.Staged staged = data.stagePostalCodes(fileName, file, current.get(),
                    requests.ipHash(request));
            return Response.created(URI.create("/api/admin/postal-code-uploads/" + staged.id())).entity(staged)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
    }

    @GET
    @Path("postal-code-uploads/{id}")
    @Operation(summary = "A staged postal-code table and what applying it now would change")
    public PostalCodeChanges.Staged postalCodeUpload(String id) {
        return postalCodes.staged(Ids.parseUuid(id));
    }

    @POST
    @Path("postal-code-uploads/{id}/apply")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Replace the postal-code table with a staged one; every instance serves it within a minute")
    public PostalCodeDiff applyPostalCodes(String id, HttpServerRequest request) {
        return data.applyPostalCodes(Ids.parseUuid(id), current.get(), requests.ipHash(request));
    }

    private static void delete(java.nio.file.Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PUT
    @Path("ridings/{fedCode}/mp")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Edit one riding's seat: {\"vacant\": true}, or the MP's name, party and email")
    public Response edit(String fedCode, MpData.Edit edit, HttpServerRequest request) {
        if (edit == null) {
            throw ProblemException.invalid(List.of(new ProblemException.Invalid("name", "upload.mps.name")), null);
        }
        MpDiff.Change change = data.edit(fedCode, Boolean.TRUE.equals(edit.vacant()) ? null
                : MpList.mp(edit.name(), edit.party(), edit.email(), edit.photoUrl()), current.get(),
                requests.ipHash(request));
        return change == null ? Response.noContent().build() : Response.ok(change).build();
    }

    @GET
    @Path("ridings/{fedCode}/mp-history")
    @Operation(summary = "Every MP record of a riding with the dates it was in force, newest first")
    public List<MpChanges.Term> history(String fedCode) {
        return changes.history(fedCode);
    }
}
