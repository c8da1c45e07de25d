package ca.constituent.signature;

import ca.constituent.campaign.Campaign;
import ca.constituent.campaign.SignForm;
import ca.constituent.common.FieldError;
import ca.constituent.campaign.CampaignPage;
import ca.constituent.campaign.CampaignPages;
import ca.constituent.common.Ids;
import ca.constituent.common.Language;
import ca.constituent.common.Messages;
import ca.constituent.common.ProblemException;
import ca.constituent.common.ProblemMapper;
import ca.constituent.common.RequestLanguage;
import ca.constituent.common.Texts;
import ca.constituent.riding.RidingLookup;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The link in the confirmation mail. Its GET only shows what is being confirmed (name, riding, postal code masked,
 * note, consent) with a button, so mail scanners that follow links confirm nothing; the button's POST confirms the
 * details as the mailbox owner left them. {@code POST /api/signatures/{id}/confirmation} confirms for scripts.
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
                                               String letterUrl, String detail, PendingDetails details,
                                               SignForm form, CampaignPage campaign, RidingTally tally);
    }

    private final SignatureService signatures;
    private final SignerKeys signerKeys;
    private final SignatureConfig config;
    private final RidingLookup ridingLookup;
    private final CampaignPages pages;
    private final SignerRidings ridings;

    ConfirmationResource(SignatureService signatures, SignerKeys signerKeys, SignatureConfig config,
                         RidingLookup ridingLookup, CampaignPages pages, SignerRidings ridings) {
        this.signatures = signatures;
        this.pages = pages;
        this.ridings = ridings;
        this.signerKeys = signerKeys;
        this.config = config;
        this.ridingLookup = ridingLookup;
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
        return page(200, ask(language, signature, key, SignForm.of(asSigned(signature), List.of())));
    }

    /** The confirmation page: what is being confirmed, the fields the owner may correct, and the button. */
    private TemplateInstance ask(Language language, Signature signature, String key, SignForm form) {
        Campaign campaign = Campaign.findById(signature.campaignId);
        String riding = signature.fedCode == null ? null : ridingLookup.riding(signature.fedCode)
                .map(r -> language == Language.FR ? r.nameFr() : r.nameEn()).orElse(null);
        PendingDetails details = new PendingDetails(signature.postalCode.substring(0, 3), riding);
        return Templates.confirm(new Texts(language), "ask", signature.id, key,
                language == Language.FR ? campaign.titleFr : campaign.titleEn, null, null, details, form, null, null);
    }

    private static Map<String, String> asSigned(Signature signature) {
        Map<String, String> values = new HashMap<>();
        values.put("firstName", signature.firstName);
        values.put("lastName", signature.lastName);
        values.put("personalNote", signature.personalNote == null ? "" : signature.personalNote);
        values.put("consentUpdates", String.valueOf(signature.consentUpdates));
        return values;
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
    public Response confirmFromPage(String id, @RestForm String key, @RestForm String details,
                                    @RestForm String firstName, @RestForm String lastName,
                                    @RestForm String personalNote, @RestForm String consentUpdates,
                                    @RestQuery String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = RequestLanguage.of(lang, acceptLanguage);
        UUID signatureId = Ids.parseUuid(id);
        Corrections corrections = null;
        if (details != null) {
            try {
                corrections = SignatureValidator.corrections(firstName, lastName, personalNote, consentUpdates,
                        language);
            } catch (ProblemException e) {
                return refused(signatureId, key, language, e, firstName, lastName, personalNote, consentUpdates);
            }
        }
        SignatureService.Confirmation outcome = signatures.confirm(signatureId, key, corrections);
        String name = switch (outcome) {
            case CONFIRMED -> "confirmed";
            case ALREADY_CONFIRMED -> "already-confirmed";
            case EXPIRED -> "expired";
            case NOT_FOUND -> "invalid";
            case CAMPAIGN_CLOSED -> "campaign-closed";
        };
        int status = switch (outcome) {
            case CONFIRMED, ALREADY_CONFIRMED -> 200;
            case EXPIRED -> 410;
            case NOT_FOUND -> 404;
            case CAMPAIGN_CLOSED -> 409;
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
                signatures.confirm(Ids.parseUuid(id), request == null ? null : request.key(), null);
        return switch (outcome) {
            case CONFIRMED, ALREADY_CONFIRMED -> new ConfirmationResult(Signature.CONFIRMED);
            case EXPIRED -> throw new ProblemException(410, "confirmation-expired",
                    Map.of("days", config.confirmationValidDays()), null, null);
            case NOT_FOUND -> throw ProblemException.notFound("signature-not-found");
            case CAMPAIGN_CLOSED -> throw ProblemException.conflict("campaign-closed");
        };
    }

    /** Corrections that break the form's rules: the page again, each field marked, nothing stored. */
    private Response refused(UUID id, String key, Language language, ProblemException problem, String firstName,
                             String lastName, String personalNote, String consentUpdates) {
        Signature signature = id == null || !signerKeys.verify(id, key) ? null : Signature.findById(id);
        if (signature == null || !Signature.PENDING.equals(signature.state)) {
            return page(404, render(language, "invalid", null, null, null));
        }
        Map<String, String> values = new HashMap<>();
        values.put("firstName", firstName == null ? "" : firstName);
        values.put("lastName", lastName == null ? "" : lastName);
        values.put("personalNote", personalNote == null ? "" : personalNote);
        values.put("consentUpdates", consentUpdates == null ? "false" : consentUpdates);
        List<FieldError> errors = ProblemMapper.toProblem(problem, language).errors();
        return page(400, ask(language, signature, key, SignForm.of(values, errors == null ? List.of() : errors)));
    }

    private TemplateInstance render(Language language, String outcome, UUID id, String key, String campaignTitle) {
        boolean confirmed = outcome.equals("confirmed") || outcome.equals("already-confirmed");
        Signature signature = confirmed ? Signature.findById(id) : null;
        return Templates.confirm(new Texts(language), outcome, id, key, campaignTitle,
                confirmed ? letterUrl(id, key, language) : null,
                Messages.get(language, "problem.confirmation-expired.detail",
                        Map.of("days", config.confirmationValidDays())), null, SignForm.blank(),
                signature == null ? null : pages.page(Campaign.findById(signature.campaignId), language),
                signature == null ? null : ridings.of(signature, language));
    }

    /** Where the signer writes to their MP; the letter feature serves it. */
    private static String letterUrl(UUID id, String key, Language language) {
        return "/letter/" + id + "?key=" + key + "&lang=" + language.code();
    }

}
