package ca.constituent.signature;

import ca.constituent.campaign.Campaign;
import ca.constituent.campaign.CampaignPage;
import ca.constituent.campaign.CampaignPages;
import ca.constituent.common.Ids;
import ca.constituent.common.Language;
import ca.constituent.common.Messages;
import ca.constituent.common.ProblemException;
import ca.constituent.common.RequestLanguage;
import ca.constituent.common.Texts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The link in the confirmation mail. Its GET only shows a button, so mail scanners that follow links confirm
 * nothing; the button's POST confirms. {@code POST /api/signatures/{id}/confirmation} does the same for scripts.
 */
@Path("/")
@Tag(name = "Signatures")
class ConfirmationResource {

    /** The key a script sends to confirm. */
    record ConfirmRequest(String key) {
    }

    /** The state of a signature after a confirmation request. */
    record ConfirmationResult(String status) {
    }

    @CheckedTemplate(basePath = "signature")
    static class Templates {
        static native TemplateInstance confirm(Texts t, String outcome, UUID id, String key, String campaignTitle,
                                               String letterUrl, String detail, CampaignPage campaign,
                                               RidingTally tally);
    }

    private final SignatureService signatures;
    private final SignerKeys signerKeys;
    private final SignatureConfig config;
    private final CampaignPages pages;
    private final SignerRidings ridings;

    ConfirmationResource(SignatureService signatures, SignerKeys signerKeys, SignatureConfig config,
                         CampaignPages pages, SignerRidings ridings) {
        this.signatures = signatures;
        this.pages = pages;
        this.ridings = ridings;
        this.signerKeys = signerKeys;
        this.config = config;
    }

    @GET
    @Path("confirm/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page the confirmation link opens: a button, nothing confirmed yet")
    public Response ask(String id, @RestQuery String key, @RestQuery String lang,
                        @HeaderParam("Accept-Language") String acceptLanguage) {
        UUID signatureId = Ids.parseUuid(id);
        Language language = RequestLanguage.of(lang, acceptLanguage);
        Signature signature = signatureId == null || !signerKeys.verify(signatureId, key)
                ? null : Signature.findById(signatureId);
        if (signature == null) {
            // The same answer as a bad letter link: 404, in the signer's language.
            return page(404, render(language, "invalid", null, null, null));
        }
        if (signature.isConfirmed()) {
            return page(200, render(language, "already-confirmed", signatureId, key, null));
        }
        Campaign campaign = Campaign.findById(signature.campaignId);
        return page(200, render(language, "ask", signatureId, key,
                language == Language.FR ? campaign.titleFr : campaign.titleEn));
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).entity(page.render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    @POST
    @Path("confirm/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The button of the confirmation page: confirms the signature once")
    public Response confirmFromPage(String id, @RestForm String key, @RestQuery String lang,
                                    @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = RequestLanguage.of(lang, acceptLanguage);
        UUID signatureId = Ids.parseUuid(id);
        SignatureService.Confirmation outcome = signatures.confirm(signatureId, key);
        String name = switch (outcome) {
            case CONFIRMED -> "confirmed";
            case ALREADY_CONFIRMED -> "already-confirmed";
            case EXPIRED -> "expired";
            case NOT_FOUND -> "invalid";
        };
        int status = switch (outcome) {
            case CONFIRMED, ALREADY_CONFIRMED -> 200;
            case EXPIRED -> 410;
            case NOT_FOUND -> 404;
        };
        return page(status, render(language, name, signatureId, key, null));
    }

    @POST
    @Path("api/signatures/{id}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a signature with the signer key from the confirmation mail's link")
    public ConfirmationResult confirm(String id, ConfirmRequest request) {
        SignatureService.Confirmation outcome =
                signatures.confirm(Ids.parseUuid(id), request == null ? null : request.key());
        return switch (outcome) {
            case CONFIRMED, ALREADY_CONFIRMED -> new ConfirmationResult(Signature.CONFIRMED);
            case EXPIRED -> throw new ProblemException(410, "confirmation-expired",
                    Map.of("days", config.confirmationValidDays()), null, null);
            case NOT_FOUND -> throw ProblemException.notFound("signature-not-found");
        };
    }

    private TemplateInstance render(Language language, String outcome, UUID id, String key, String campaignTitle) {
        boolean confirmed = outcome.equals("confirmed") || outcome.equals("already-confirmed");
        Signature signature = confirmed ? Signature.findById(id) : null;
        return Templates.confirm(new Texts(language), outcome, id, key, campaignTitle,
                confirmed ? letterUrl(id, key, language) : null,
                Messages.get(language, "problem.confirmation-expired.detail",
                        Map.of("days", config.confirmationValidDays())),
                signature == null ? null : pages.page(Campaign.findById(signature.campaignId), language),
                signature == null ? null : ridings.of(signature, language));
    }

    /** Where the signer writes to their MP; the letter feature serves it. */
    private static String letterUrl(UUID id, String key, Language language) {
        return "/letter/" + id + "?key=" + key + "&lang=" + language.code();
    }

}
