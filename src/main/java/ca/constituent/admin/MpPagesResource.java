package ca.constituent.admin;

import ca.constituent.common.FieldError;
import ca.constituent.common.Ids;
import ca.constituent.common.Language;
import ca.constituent.common.Messages;
import ca.constituent.common.ProblemException;
import ca.constituent.common.ProblemMapper;
import ca.constituent.common.RequestLanguage;
import ca.constituent.riding.MpChanges;
import ca.constituent.riding.MpDiff;
import ca.constituent.riding.MpList;
import ca.constituent.riding.PostalCodeChanges;
import ca.constituent.riding.RidingLookup;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The MP data pages: upload a list, read its diff and apply it; edit one riding; a seat's history. */
@Path("/admin/mps")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Dashboard pages")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
class MpPagesResource {

    private final AdminPages pages;
    private final CurrentAdmin current;
    private final AdminRequests requests;
    private final MpData data;
    private final MpChanges changes;
    private final PostalCodeChanges postalCodes;
    private final RidingLookup ridings;
    private final Template mps;
    private final Template upload;

    MpPagesResource(AdminPages pages, CurrentAdmin current, AdminRequests requests, MpData data, MpChanges changes,
                    PostalCodeChanges postalCodes, RidingLookup ridings, @Location("admin/mps.html") Template mps,
                    @Location("admin/mp-upload.html") Template upload) {
        this.pages = pages;
        this.current = current;
        this.requests = requests;
        this.data = data;
        this.changes = changes;
        this.postalCodes = postalCodes;
        this.ridings = ridings;
        this.mps = mps;
        this.upload = upload;
    }

    @GET
    @Operation(summary = "Upload an MP list, edit one riding, read a seat's history")
    public String page(@RestQuery String riding, @RestQuery Integer applied, @RestQuery String edited,
                       @RestQuery Integer postalCodes, @RestQuery String lang,
                       @HeaderParam("Accept-Language") String al) {
        return page(RequestLanguage.of(lang, al), riding).data("applied", applied).data("edited", edited)
                .data("postalCodes", postalCodes).render();
    }

    @POST
    @Path("uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Check an uploaded MP list, then show its diff (nothing changes yet)")
    public Response upload(@RestForm("file") FileUpload file, @RestQuery String lang, HttpServerRequest request) {
        Language language = RequestLanguage.of(lang, request.getHeader("Accept-Language"));
        try {
            byte[] csv = file == null ? new byte[0] : Files.readAllBytes(file.uploadedFile());
            MpChanges.Staged staged = data.stage(file == null ? null : file.fileName(), csv, current.get(),
                    requests.ipHash(request));
            return Response.seeOther(URI.create("/admin/mps/uploads/" + staged.id() + "?lang=" + language.code()))
                    .build();
        } catch (ProblemException e) {
            return refused(e, page(language, null), language);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("uploads/{id}")
    @Operation(summary = "A checked MP list: its diff and the button that applies it")
    public String staged(String id, @RestQuery String lang, @HeaderParam("Accept-Language") String al) {
        UUID uploadId = Ids.parseUuid(id);
        return pages.page(upload, RequestLanguage.of(lang, al), current.get(), "/admin/mps/uploads/" + uploadId)
                .data("staged", changes.staged(uploadId)).data("postal", false).render();
    }

    @POST
    @Path("postal-code-uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Check an uploaded full postal-code table, then show its diff (nothing changes yet)")
    public Response uploadPostalCodes(@RestForm("file") FileUpload file, @RestQuery String lang,
                                      HttpServerRequest request) {
        Language language = RequestLanguage.of(lang, request.getHeader("Accept-Language"));
        try {
            if (file == null) {
                throw ProblemException.invalid(List.of(new ProblemException.Invalid("file",
                        "upload.postal-codes.unreadable")), language);
            }
            PostalCodeChanges.Staged staged = data.stagePostalCodes(file.fileName(), file.uploadedFile(),
                    current.get(), requests.ipHash(request));
            return Response.seeOther(URI.create("/admin/mps/postal-code-uploads/" + staged.id() + "?lang="
                    + language.code())).build();
        } catch (ProblemException e) {
            return refused(e, page(language, null), language);
        }
    }

    @GET
    @Path("postal-code-uploads/{id}")
    @Operation(summary = "A checked postal-code table: its diff and the button that applies it")
    public String stagedPostalCodes(String id, @RestQuery String lang, @HeaderParam("Accept-Language") String al) {
        UUID uploadId = Ids.parseUuid(id);
        return pages.page(upload, RequestLanguage.of(lang, al), current.get(),
                "/admin/mps/postal-code-uploads/" + uploadId).data("staged", postalCodes.staged(uploadId))
                .data("postal", true).render();
    }

    @POST
    @Path("postal-code-uploads/{id}/apply")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Apply a checked postal-code table, then show the MP page")
    public Response applyPostalCodes(String id, @RestQuery String lang, HttpServerRequest request) {
        Language language = Language.parse(lang).orElse(Language.EN);
        int rows = data.applyPostalCodes(Ids.parseUuid(id), current.get(), requests.ipHash(request)).rows();
        return Response.seeOther(URI.create("/admin/mps?postalCodes=" + rows + "&lang=" + language.code())).build();
    }

    @POST
    @Path("uploads/{id}/apply")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Apply a checked MP list, then show the MP page")
    public Response apply(String id, @RestQuery String lang, HttpServerRequest request) {
        Language language = Language.parse(lang).orElse(Language.EN);
        MpDiff diff = data.apply(Ids.parseUuid(id), current.get(), requests.ipHash(request));
        return Response.seeOther(URI.create("/admin/mps?applied=" + diff.changes().size() + "&lang="
                + language.code())).build();
    }

    @POST
    @Path("edit")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Edit one riding's seat from the form, then show its history")
    public Response edit(@RestForm String fedCode, @RestForm String vacant, @RestForm String name,
                         @RestForm String party, @RestForm String email, @RestQuery String lang,
                         HttpServerRequest request) {
        Language language = Language.parse(lang).orElse(Language.EN);
        try {
            MpDiff.Change change = data.edit(fedCode, vacant != null ? null : MpList.mp(name, party, email, null),
                    current.get(), requests.ipHash(request));
            return Response.seeOther(URI.create("/admin/mps?riding=" + fedCode + "&edited="
                    + (change == null ? "none" : change.kind()) + "&lang=" + language.code())).build();
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            return refused(e, page(language, fedCode).data("form", new MpData.Edit(vacant != null, name, party,
                    email, null)), language);
        }
    }

    private TemplateInstance page(Language language, String riding) {
        String fedCode = riding != null && ridings.riding(riding).isPresent() ? riding : null;
        return pages.page(mps, language, current.get(), "/admin/mps").data("ridings", ridings.ridings())
                .data("riding", fedCode).data("history", fedCode == null ? List.of() : changes.history(fedCode))
                .data("errors", List.of()).data("form", null).data("applied", null).data("edited", null)
                .data("postalCodes", null);
    }

    private static Response refused(ProblemException e, TemplateInstance page, Language language) {
        List<FieldError> errors = ProblemMapper.toProblem(e, language).errors();
        List<FieldError> shown = errors == null ? List.of() : errors.stream()
                .map(f -> new FieldError(localised(f.field(), language), f.message())).toList();
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.data("errors", shown).render()).build();
    }

    /** "line 12" and "riding 35001" of an MP list's errors, in the page's language; a form field as its label. */
    private static String localised(String field, Language language) {
        String[] parts = field.split(" ", 2);
        String key = parts.length == 2 ? "admin.mps.field." + parts[0] : "admin.mps." + field;
        return Messages.has(key) ? Messages.get(language, key) + (parts.length == 2 ? " " + parts[1] : "") : field;
    }
}
