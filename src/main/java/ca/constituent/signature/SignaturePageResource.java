package ca.constituent.signature;

import ca.constituent.abuse.AbuseScreen;
import ca.constituent.abuse.ClientAddress;
import ca.constituent.campaign.Campaign;
import ca.constituent.campaign.CampaignPages;
import ca.constituent.campaign.SignForm;
import ca.constituent.common.Language;
import ca.constituent.common.ProblemException;
import ca.constituent.common.ProblemMapper;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;

/**
 * {@code POST /campaigns/{slug}}: the campaign page's own form, posted without JavaScript. A browser is sent to the
 * thank-you page, or shown the campaign page again with each invalid field marked, at the campaign page's address.
 */
@Path("/")
@Tag(name = "Pages")
public class SignaturePageResource {

    /** The fields of the signature form. */
    public static class FormFields {
        @RestForm String firstName;
        @RestForm String lastName;
        @RestForm String email;
        @RestForm String postalCode;
        @RestForm String fedCode;
        @RestForm String language;
        @RestForm String consentUpdates;
        @RestForm String personalNote;
        /** A point from "use my location", when the signer chose one. */
        @RestForm String latitude;
        @RestForm String longitude;
        /** The honeypot: people leave it empty. */
        @RestForm String website;
        /** The ALTCHA proof of work, when it is on. */
        @RestForm String altcha;

        SignRequest toRequest() {
            return new SignRequest(firstName, lastName, email, postalCode, fedCode, language, consentUpdates,
                    personalNote, blankToNull(latitude), blankToNull(longitude));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }

        Map<String, String> values() {
            Map<String, String> values = new HashMap<>();
            String[] typed = {firstName, lastName, email, postalCode, fedCode, personalNote, consentUpdates,
                    latitude, longitude};
            for (int i = 0; i < typed.length; i++) {
                if (typed[i] != null) {
                    values.put(SignForm.FIELDS.get(i), typed[i]);
                }
            }
            return values;
        }
    }

    private final SignatureService signatures;
    private final CampaignPages pages;
    private final ClientAddress clients;

    SignaturePageResource(SignatureService signatures, CampaignPages pages, ClientAddress clients) {
        this.signatures = signatures;
        this.pages = pages;
        this.clients = clients;
    }

    @POST
    @Path("campaigns/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Blocking
    @Operation(summary = "Sign from the campaign page without JavaScript")
    public Response sign(String slug, @BeanParam FormFields fields, HttpHeaders headers, HttpServerRequest http) {
        boolean browser = wantsHtml(headers);
        try {
            SignatureReceipt receipt = join(signatures.sign(slug, fields.toRequest(),
                    SignatureResource.headerLanguage(headers, http),
                    new AbuseScreen.Client(clients.of(http), fields.website, fields.altcha)));
            if (!browser) {
                return Response.accepted(receipt).type(MediaType.APPLICATION_JSON_TYPE).build();
            }
            return Response.seeOther(URI.create("/campaigns/" + slug + "/thanks?lang=" + receipt.language()))
                    .build();
        } catch (ProblemException e) {
            if (!browser || e.invalidFields().isEmpty()) {
                throw e;
            }
            Language shown = e.language() != null ? e.language() : SignatureResource.headerLanguage(headers, http);
            Campaign campaign = Campaign.findPublic(slug);
            SignForm form = SignForm.of(fields.values(), ProblemMapper.toProblem(e, shown).errors());
            return Response.status(400)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Content-Language", shown.code())
                    .entity(pages.form(campaign, shown, form).render())
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
}
