package ca.constituent.admin;

import ca.constituent.campaign.CampaignForm;
import ca.constituent.common.Language;
import ca.constituent.common.ProblemException;
import ca.constituent.common.RequestLanguage;
import ca.constituent.mpemail.LetterTemplateEditor;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /api/admin/campaigns}: create and edit campaigns and their letters (writes admin-only, audited). */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
// Any type, so that a refused request is answered 401/403 before its body is looked at (as AbuseRuleResource)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Campaign editor")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
class CampaignAdminResource {

    /** A letter template with the placeholders it may use. */
    record LetterTemplate(String subjects, String body, List<String> placeholders) {
    }

    private final CampaignAdmin admin;
    private final LetterTemplateEditor letters;
    private final CurrentAdmin current;
    private final AdminRequests requests;

    CampaignAdminResource(CampaignAdmin admin, LetterTemplateEditor letters, CurrentAdmin current,
                          AdminRequests requests) {
        this.admin = admin;
        this.letters = letters;
        this.current = current;
        this.requests = requests;
    }

    @POST
    @Path("campaigns")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Create a campaign (a draft unless status says otherwise)")
    public Response create(CampaignForm form, HttpServerRequest request) {
        CampaignForm created = CampaignForm.of(admin.create(form, RequestLanguage.of(request), current.get(),
                requests.ipHash(request)));
        return Response.created(URI.create("/api/admin/campaigns/" + created.slug())).entity(created).build();
    }

    @GET
    @Path("campaigns/{slug}")
    @Transactional
    @Operation(summary = "A campaign as the editor shows it, drafts included")
    public CampaignForm get(String slug) {
        return CampaignForm.of(CampaignAdmin.campaign(slug));
    }

    @PUT
    @Path("campaigns/{slug}")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Edit a campaign: texts, asks, goal, dates and state (the slug stays)")
    public CampaignForm update(String slug, CampaignForm form, HttpServerRequest request) {
        return CampaignForm.of(admin.update(slug, form, RequestLanguage.of(request), current.get(),
                requests.ipHash(request)));
    }

    @GET
    @Path("campaigns/{slug}/letter-templates/{language}")
    @Transactional
    @Operation(summary = "The letter template in one language, with the placeholders it may use")
    public LetterTemplate letter(String slug, String language) {
        LetterTemplateEditor.Text text = letters.find(CampaignAdmin.campaign(slug), letterLanguage(language))
                .orElse(new LetterTemplateEditor.Text("", ""));
        return new LetterTemplate(text.subjects(), text.body(), LetterTemplateEditor.PLACEHOLDERS);
    }

    @PUT
    @Path("campaigns/{slug}/letter-templates/{language}")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Save the letter template once it renders; a template that does not is refused (400)")
    public Response saveLetter(String slug, String language, LetterTemplateEditor.Text text,
                               HttpServerRequest request) {
        admin.saveLetter(slug, letterLanguage(language), text, RequestLanguage.of(request), current.get(),
                requests.ipHash(request));
        return Response.noContent().build();
    }

    @POST
    @Path("campaigns/{slug}/letter-templates/{language}/preview")
    @RolesAllowed(Role.ADMIN)
    @Transactional
    @Operation(summary = "The letter a signer in riding fedCode would get from this template; nothing is saved")
    public LetterTemplateEditor.Text preview(String slug, String language, LetterTemplateEditor.Text text,
                                             @RestQuery String fedCode, HttpServerRequest request) {
        try {
            return letters.preview(CampaignAdmin.campaign(slug), letterLanguage(language), text, fedCode);
        } catch (ProblemException e) {
            throw e.in(RequestLanguage.of(request));
        }
    }

    static Language letterLanguage(String code) {
        return Language.parse(code).orElseThrow(() -> ProblemException.notFound("letter-not-found"));
    }
}
