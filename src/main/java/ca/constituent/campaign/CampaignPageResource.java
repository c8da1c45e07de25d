package ca.constituent.campaign;

import ca.constituent.common.Language;
import ca.constituent.common.Messages;
import ca.constituent.common.ProblemException;
import ca.constituent.common.RequestLanguage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The public web form, served as plain HTML that works without JavaScript. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages")
class CampaignPageResource {

    private final CampaignPages pages;
    private final SocialImage images;

    CampaignPageResource(CampaignPages pages, SocialImage images) {
        this.pages = pages;
        this.images = images;
    }

    /**
     * The site's front door: the oldest campaign that takes signatures now, so that a campaign an organiser adds
     * later (or one past its closing date but still marked open) never takes the address from the running one.
     */
    @GET
    @Operation(summary = "Send visitors to the oldest campaign that takes signatures now")
    public Response home(@RestQuery String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = RequestLanguage.of(lang, acceptLanguage);
        return Campaign.oldestTakingSignatures()
                .map(c -> Response.seeOther(URI.create("/campaigns/" + c.slug + "?lang=" + language.code())).build())
                .orElseThrow(() -> ProblemException.notFound("campaign-not-found"));
    }

    @GET
    @Path("campaigns/{slug}")
    @Operation(summary = "The signature form of a campaign")
    public String form(String slug, @RestQuery String lang,
                                 @HeaderParam("Accept-Language") String acceptLanguage) {
        return pages.form(Campaign.findPublic(slug), RequestLanguage.of(lang, acceptLanguage), SignForm.blank()).render();
    }

    @GET
    @Path("campaigns/{slug}/thanks")
    @Operation(summary = "What a signer sees after posting the form without JavaScript")
    public String thanks(String slug, @RestQuery String lang,
                                   @HeaderParam("Accept-Language") String acceptLanguage) {
        return pages.thanks(Campaign.findPublic(slug), RequestLanguage.of(lang, acceptLanguage)).render();
    }

    @GET
    @Path("campaigns/{slug}/embed")
    @Operation(summary = "The compact sign form and count, without the site's chrome, for other sites' iframes")
    public String embed(String slug, @RestQuery String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        return pages.embed(Campaign.findPublic(slug), RequestLanguage.of(lang, acceptLanguage)).render();
    }

    @GET
    @Path("campaigns/{slug}/social.png")
    @Produces("image/png")
    @Operation(summary = "The campaign's social preview image (Open Graph, Twitter card), 1200 × 630")
    public Response socialImage(String slug, @RestQuery String lang,
                                @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = RequestLanguage.of(lang, acceptLanguage);
        CampaignPage page = pages.page(Campaign.findPublic(slug), language);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(images.png(page.title(), Messages.get(language, "share.image-call"),
                page.organiser() == null ? "" : page.organiser())).cacheControl(cache).build();
    }
}
