package ca.constituent.signature;

import ca.constituent.abuse.ClientAddress;
import ca.constituent.campaign.Campaign;
import ca.constituent.campaign.CampaignPage;
import ca.constituent.campaign.CampaignPages;
import ca.constituent.common.Language;
import ca.constituent.common.RequestLanguage;
import ca.constituent.common.Texts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code POST /campaigns/{slug}/lost-link}: "lost your link? get it again". The answer is the same page whether or
 * not the address signed, and whether or not a mail was queued within the limits (the client address's, as for
 * signing, and the mailbox's), so it tells nobody who signed.
 */
@Path("/")
@Tag(name = "Pages")
class LostLinkResource {

    @CheckedTemplate(basePath = "signature")
    static class Templates {
        static native TemplateInstance lostLink(Texts t, CampaignPage campaign, String error);
    }

    private final LostLinks links;
    private final CampaignPages pages;
    private final ClientAddress clients;

    LostLinkResource(LostLinks links, CampaignPages pages, ClientAddress clients) {
        this.links = links;
        this.pages = pages;
        this.clients = clients;
    }

    @POST
    @Path("campaigns/{slug}/lost-link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Mail the signer's confirmation or letter link again; the same answer whether or not the "
            + "address signed")
    public Response resend(String slug, @RestForm String email, @RestQuery String lang,
                           @HeaderParam("Accept-Language") String acceptLanguage, HttpServerRequest http) {
        Language language = RequestLanguage.of(lang, acceptLanguage);
        Campaign campaign = Campaign.findPublic(slug);
        Optional<String> address = EmailAddress.parse(email)
                .filter(a -> a.length() <= EmailAddress.MAX_LENGTH);
        address.ifPresent(a -> links.resend(campaign.slug, a, clients.of(http)));
        String error = address.isPresent() ? null : "field.email.invalid";
        return Response.status(address.isPresent() ? 200 : 400)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Language", language.code())
                .entity(Templates.lostLink(new Texts(language), pages.page(campaign, language), error).render())
                .build();
    }
}
