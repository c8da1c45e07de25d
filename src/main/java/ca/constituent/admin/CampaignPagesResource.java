package ca.constituent.admin;

import ca.constituent.campaign.Campaign;
import ca.constituent.common.Language;
import ca.constituent.common.ProblemException;
import ca.constituent.common.RequestLanguage;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
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
import org.jboss.resteasy.reactive.RestQuery;

/** The map, letters and recent-signatures pages of one campaign ({@code ?campaign=}, else the newest). */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Dashboard pages")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
class CampaignPagesResource {

    /** A campaign in the page's campaign picker. */
    @io.quarkus.qute.TemplateData
    record CampaignChoice(String slug, String titleEn, String titleFr) {

        public String title(String language) {
            return "fr".equals(language) ? titleFr : titleEn;
        }
    }

    private final AdminPages pages;
    private final CurrentAdmin current;
    private final RidingCounts ridings;
    private final LetterOutbox letters;
    private final RecentSignatures signatures;
    private final AdminAudit audit;
    private final AdminRequests requests;
    private final Template map;
    private final Template lettersPage;
    private final Template signaturesPage;

    CampaignPagesResource(AdminPages pages, CurrentAdmin current, RidingCounts ridings, LetterOutbox letters,
                          RecentSignatures signatures, AdminAudit audit, AdminRequests requests,
                          @Location("admin/map.html") Template map,
                          @Location("admin/letters.html") Template lettersPage,
                          @Location("admin/signatures.html") Template signaturesPage) {
        this.pages = pages;
        this.current = current;
        this.ridings = ridings;
        this.letters = letters;
        this.signatures = signatures;
        this.audit = audit;
        this.requests = requests;
        this.map = map;
        this.lettersPage = lettersPage;
        this.signaturesPage = signaturesPage;
    }

    @GET
    @Path("map")
    @Operation(summary = "Confirmed signatures per riding: a map and a sortable table")
    public String map(@RestQuery String campaign, @RestQuery String lang, @HeaderParam("Accept-Language") String al) {
        Language language = RequestLanguage.of(lang, al);
        String slug = slug(campaign);
        return page(map, language, "/admin/map", slug).data("result", ridings.of(slug)).render();
    }

    @GET
    @Path("letters")
    @Operation(summary = "The letters outbox per riding and MP; admins can retry failed letters")
    public String letters(@RestQuery String campaign, @RestQuery String lang,
                          @HeaderParam("Accept-Language") String al) {
        Language language = RequestLanguage.of(lang, al);
        String slug = slug(campaign);
        return page(lettersPage, language, "/admin/letters", slug).data("letters", letters.of(slug, language.code()))
                .render();
    }

    @POST
    @Path("letters/{id}/retry")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Queue a failed letter again, then show the letters page")
    public Response retry(long id, @RestQuery String campaign, @RestQuery String lang, HttpServerRequest request) {
        boolean retried = letters.retry(id, current.get(), requests.ipHash(request), audit);
        if (!retried) {
            throw ProblemException.conflict("letter-not-retryable");
        }
        String language = Language.parse(lang).orElse(Language.EN).code();
        return Response.seeOther(URI.create("/admin/letters?campaign=" + slug(campaign) + "&lang=" + language
                + "&retried=" + id)).build();
    }

    @GET
    @Path("signatures")
    @Operation(summary = "Signatures newest first, by keyset; masked for viewers")
    public String signatures(@RestQuery String campaign, @RestQuery String before, @RestQuery String lang,
                             @HeaderParam("Accept-Language") String al) {
        Language language = RequestLanguage.of(lang, al);
        String slug = slug(campaign);
        SignedIn who = current.get();
        return page(signaturesPage, language, "/admin/signatures", slug)
                .data("page", signatures.page(slug, before, !who.isAdmin())).data("first", before == null)
                .render();
    }

    private io.quarkus.qute.TemplateInstance page(Template template, Language language, String path, String slug) {
        return pages.page(template, language, current.get(), path).data("slug", slug).data("campaigns", choices());
    }

    /** Every campaign, newest first, for a page's campaign picker. */
    static List<CampaignChoice> choices() {
        List<Campaign> all = Campaign.list("order by createdAt desc, id desc");
        return all.stream().map(c -> new CampaignChoice(c.slug, c.titleEn, c.titleFr)).toList();
    }

    /** The campaign asked for, else the newest open one, else the newest. */
    static String slug(String campaign) {
        if (campaign != null && Campaign.findBySlug(campaign).isPresent()) {
            return campaign;
        }
        List<Campaign> all = Campaign.list("order by createdAt desc, id desc");
        return all.stream().filter(Campaign::isOpen).findFirst().or(() -> all.stream().findFirst())
                .map(c -> c.slug).orElseThrow(() -> ProblemException.notFound("campaign-not-found"));
    }
}
