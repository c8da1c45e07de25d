package ca.constituent.signature;

import ca.constituent.abuse.AbuseScreen;
import ca.constituent.abuse.ClientAddress;
import ca.constituent.campaign.Campaign;
import ca.constituent.campaign.CampaignPages;
import ca.constituent.common.Language;
import ca.constituent.common.ProblemException;
import ca.constituent.common.ProblemMapper;
import ca.constituent.common.RequestLanguage;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;

/**
 * {@code POST /api/campaigns/{slug}/signatures}: JSON from scripts and the embedded form, or a plain HTML form
 * post from a browser without JavaScript (answered with a redirect to the thank-you page, or the form again with
 * its errors).
 */
@Path("/api/campaigns")
@Tag(name = "Signatures")
class SignatureResource {

    private final SignatureService signatures;
    private final CampaignPages pages;
    private final ClientAddress clients;

    SignatureResource(SignatureService signatures, CampaignPages pages, ClientAddress clients) {
        this.signatures = signatures;
        this.pages = pages;
        this.clients = clients;
    }

    @POST
    @Path("{slug}/signatures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign a campaign",
            description = "Answers 202 whether the address is new or already signed, so the answer never tells "
                    + "who signed. A confirmation mail with the signer's link is queued (at most a few per day).")
    @APIResponse(responseCode = "202", description = "Received; confirmation mail queued")
    @APIResponse(responseCode = "400", description = "Invalid fields, in the signer's language (problem+json)")
    public CompletionStage<Response> sign(String slug, SignRequest request, HttpHeaders headers,
                                          HttpServerRequest http) {
        SignRequest body = request == null ? new SignRequest(null, null, null, null, null, null, null, null) : request;
        return signatures.sign(slug, body, headerLanguage(headers, http),
                        new AbuseScreen.Client(clients.of(http), null, headers.getHeaderString("Altcha")))
                .thenApply(receipt -> Response.accepted(receipt).type(MediaType.APPLICATION_JSON_TYPE).build());
    }

    @POST
    @Path("{slug}/signatures")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Blocking
    @Operation(summary = "Sign a campaign from a plain HTML form",
            description = "A browser (Accept: text/html) is redirected to the thank-you page, or shown the form "
                    + "again with its errors; other clients get the same JSON answers as the JSON endpoint.")
    public Response signForm(String slug, @RestForm String firstName, @RestForm String lastName,
                             @RestForm String email, @RestForm String postalCode, @RestForm String fedCode,
                             @RestForm String language, @RestForm String consentUpdates,
                             @RestForm String personalNote, @RestForm String website, @RestForm String altcha,
                             HttpHeaders headers, HttpServerRequest http) {
        SignRequest request = new SignRequest(firstName, lastName, email, postalCode, fedCode, language,
                consentUpdates, personalNote);
        boolean browser = wantsHtml(headers);
        try {
            SignatureReceipt receipt = join(signatures.sign(slug, request, headerLanguage(headers, http),
                    new AbuseScreen.Client(clients.of(http), website, altcha)));
            if (!browser) {
                return Response.accepted(receipt).type(MediaType.APPLICATION_JSON_TYPE).build();
            }
            return Response.seeOther(URI.create("/campaigns/" + slug + "/thanks?lang=" + receipt.language()))
                    .build();
        } catch (ProblemException e) {
            if (!browser || e.invalidFields().isEmpty()) {
                throw e;
            }
            Language shown = e.language() != null ? e.language() : headerLanguage(headers, http);
            Campaign campaign = Campaign.findBySlug(slug).orElseThrow(() -> e);
            Map<String, Object> values = new HashMap<>();
            values.put("firstName", firstName);
            values.put("lastName", lastName);
            values.put("email", email);
            values.put("postalCode", postalCode);
            values.put("fedCode", fedCode);
            values.put("personalNote", personalNote);
            values.put("consentUpdates", consentUpdates != null && !consentUpdates.isBlank());
            return Response.status(400)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(pages.form(campaign, shown, values, ProblemMapper.toProblem(e, shown).errors())
                            .render())
                    .build();
        }
    }

    private static SignatureReceipt join(CompletionStage<SignatureReceipt> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static boolean wantsHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .filter(m -> !m.isWildcardType())
                .findFirst()
                .map(m -> m.isCompatible(MediaType.TEXT_HTML_TYPE))
                .orElse(false);
    }

    private static Language headerLanguage(HttpHeaders headers, HttpServerRequest http) {
        return RequestLanguage.of(http.getParam("lang"), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
