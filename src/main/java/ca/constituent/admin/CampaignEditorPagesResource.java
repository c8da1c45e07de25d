package ca.constituent.admin;

import ca.constituent.campaign.Campaign;
import ca.constituent.campaign.CampaignForm;
import ca.constituent.common.Bilingual;
import ca.constituent.common.FieldError;
import ca.constituent.common.Language;
import ca.constituent.common.ProblemException;
import ca.constituent.common.ProblemMapper;
import ca.constituent.common.RequestLanguage;
import ca.constituent.mpemail.LetterTemplateEditor;
import ca.constituent.riding.RidingLookup;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** The campaign editor's pages: the list, a campaign's form, its letter per language with a preview. */
@Path("/admin/campaigns")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Dashboard pages")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
class CampaignEditorPagesResource {

    /** Dates in the form are Toronto time, as the organisers read them. */
    static final ZoneId ZONE = ZoneId.of("America/Toronto");

    private final AdminPages pages;
    private final CurrentAdmin current;
    private final AdminRequests requests;
    private final CampaignAdmin admin;
    private final LetterTemplateEditor letters;
    private final RidingLookup ridings;
    private final Template list;
    private final Template edit;
    private final Template letter;

    CampaignEditorPagesResource(AdminPages pages, CurrentAdmin current, AdminRequests requests, CampaignAdmin admin,
                                LetterTemplateEditor letters, RidingLookup ridings,
                                @Location("admin/campaigns.html") Template list,
                                @Location("admin/campaign-edit.html") Template edit,
                                @Location("admin/letter-edit.html") Template letter) {
        this.pages = pages;
        this.current = current;
        this.requests = requests;
        this.admin = admin;
        this.letters = letters;
        this.ridings = ridings;
        this.list = list;
        this.edit = edit;
        this.letter = letter;
    }

    @GET
    @Transactional
    @Operation(summary = "Every campaign, drafts included, with links to edit it and its letters")
    public String list(@RestQuery String lang, @HeaderParam("Accept-Language") String al) {
        return pages.page(list, RequestLanguage.of(lang, al), current.get(), "/admin/campaigns")
                .data("campaigns", Campaign.list("order by createdAt desc, id desc")).render();
    }

    @GET
    @Path("{slug}/edit")
    @Transactional
    @Operation(summary = "The form of a campaign ('new' for an empty one)")
    public String form(String slug, @RestQuery String saved, @RestQuery String lang,
                       @HeaderParam("Accept-Language") String al) {
        Language language = RequestLanguage.of(lang, al);
        CampaignForm form = "new".equals(slug) ? null : CampaignForm.of(CampaignAdmin.campaign(slug));
        return editPage(language, slug, form, List.of()).data("saved", saved != null).render();
    }

    @POST
    @Path("{slug}/edit")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Create ('new') or save a campaign from its form, then show it again")
    public Response save(String slug, @RestForm String newSlug, @RestForm String titleEn, @RestForm String titleFr,
                         @RestForm String summaryEn, @RestForm String summaryFr, @RestForm String asksEn,
                         @RestForm String asksFr, @RestForm String goal, @RestForm String status,
                         @RestForm String opensAt, @RestForm String closesAt, @RestForm String senderName,
                         @RestQuery String lang, HttpServerRequest request) {
        Language language = Language.parse(lang).orElse(Language.EN);
        CampaignForm form = new CampaignForm(newSlug, titleEn, titleFr, summaryEn, summaryFr, asks(asksEn, asksFr),
                number(goal), status, time(opensAt), time(closesAt), senderName);
        try {
            Campaign saved = "new".equals(slug)
                    ? admin.create(form, language, current.get(), requests.ipHash(request))
                    : admin.update(slug, form, language, current.get(), requests.ipHash(request));
            return Response.seeOther(URI.create("/admin/campaigns/" + saved.slug + "/edit?saved=1&lang="
                    + language.code())).build();
        } catch (ProblemException e) {
            return refused(e, editPage(language, slug, form, errors(e, language)));
        }
    }

    @GET
    @Path("{slug}/letters/{letterLanguage}")
    @Transactional
    @Operation(summary = "The letter editor: subject lines and body, placeholders, a preview for a riding")
    public String letter(String slug, String letterLanguage, @RestQuery String saved, @RestQuery String lang,
                         @HeaderParam("Accept-Language") String al) {
        Language language = RequestLanguage.of(lang, al);
        Campaign campaign = CampaignAdmin.campaign(slug);
        Language of = CampaignAdminResource.letterLanguage(letterLanguage);
        LetterTemplateEditor.Text text = letters.find(campaign, of).orElse(new LetterTemplateEditor.Text("", ""));
        return letterPage(language, campaign, of, text, null, null, List.of()).data("saved", saved != null)
                .render();
    }

    @POST
    @Path("{slug}/letters/{letterLanguage}")
    @RolesAllowed(Role.ADMIN)
    @Transactional
    @Operation(summary = "Preview (action=preview) or save the letter; a template that does not render is refused")
    public Response saveLetter(String slug, String letterLanguage, @RestForm String subjects, @RestForm String body,
                               @RestForm String fedCode, @RestForm String action, @RestQuery String lang,
                               HttpServerRequest request) {
        Language language = Language.parse(lang).orElse(Language.EN);
        Campaign campaign = CampaignAdmin.campaign(slug);
        Language of = CampaignAdminResource.letterLanguage(letterLanguage);
        LetterTemplateEditor.Text text = new LetterTemplateEditor.Text(subjects, body);
        try {
            if ("preview".equals(action)) {
                LetterTemplateEditor.Text preview = letters.preview(campaign, of, text, fedCode);
                return Response.ok(letterPage(language, campaign, of, text, fedCode, preview, List.of()).render())
                        .build();
            }
            admin.saveLetter(slug, of, text, language, current.get(), requests.ipHash(request));
            return Response.seeOther(URI.create("/admin/campaigns/" + slug + "/letters/" + of.code()
                    + "?saved=1&lang=" + language.code())).build();
        } catch (ProblemException e) {
            return refused(e.in(language), letterPage(language, campaign, of, text, fedCode, null,
                    errors(e, language)).data("problem", ProblemMapper.toProblem(e, language)));
        }
    }

    private TemplateInstance editPage(Language language, String slug, CampaignForm form, List<FieldError> errors) {
        return pages.page(edit, language, current.get(), "/admin/campaigns/" + slug + "/edit").data("slug", slug)
                .data("form", form).data("errors", errors).data("saved", false)
                .data("asksEn", form == null || form.asks() == null ? "" : joined(form.asks(), Language.EN))
                .data("asksFr", form == null || form.asks() == null ? "" : joined(form.asks(), Language.FR))
                .data("opensAt", local(form == null ? null : form.opensAt()))
                .data("closesAt", local(form == null ? null : form.closesAt()));
    }

    private TemplateInstance letterPage(Language language, Campaign campaign, Language of,
                                        LetterTemplateEditor.Text text, String fedCode,
                                        LetterTemplateEditor.Text preview, List<FieldError> errors) {
        return pages.page(letter, language, current.get(), "/admin/campaigns/" + campaign.slug + "/letters/"
                        + of.code()).data("campaign", campaign).data("of", of.code()).data("text", text)
                .data("fedCode", fedCode).data("preview", preview).data("errors", errors)
                .data("placeholders", LetterTemplateEditor.PLACEHOLDERS).data("ridings", ridings.ridings())
                .data("saved", false).data("problem", null);
    }

    private static Response refused(ProblemException e, TemplateInstance page) {
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render()).build();
    }

    private static List<FieldError> errors(ProblemException e, Language language) {
        List<FieldError> errors = ProblemMapper.toProblem(e, language).errors();
        return errors == null ? List.of(new FieldError("", ProblemMapper.toProblem(e, language).detail())) : errors;
    }

    /** One ask per line in each language, paired in order; an unequal count leaves the extra half empty. */
    static List<Bilingual> asks(String en, String fr) {
        List<String> e = lines(en);
        List<String> f = lines(fr);
        List<Bilingual> asks = new ArrayList<>();
        for (int i = 0; i < Math.max(e.size(), f.size()); i++) {
            asks.add(new Bilingual(i < e.size() ? e.get(i) : null, i < f.size() ? f.get(i) : null));
        }
        return asks;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.replace("\r\n", "\n").lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
    }

    private static String joined(List<Bilingual> asks, Language language) {
        return String.join("\n", asks.stream().map(a -> a.in(language) == null ? "" : a.in(language)).toList());
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A datetime-local value (Toronto time), null when empty; a malformed one counts as the epoch (refused). */
    private static OffsetDateTime time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return OffsetDateTime.MIN;
        }
    }

    private static String local(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(ZONE).toLocalDateTime().withSecond(0).withNano(0)
                .toString();
    }
}
