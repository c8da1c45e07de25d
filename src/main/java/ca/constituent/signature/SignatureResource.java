package ca.constituent.signature;

import ca.constituent.abuse.AbuseScreen;
import ca.constituent.abuse.ClientAddress;
import ca.constituent.common.Language;
import ca.constituent.common.RequestLanguage;
import io.vertx.core.http.HttpServerRequest;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/campaigns/{slug}/signatures}: JSON from scripts and the embedded form, or a plain HTML form
 * post from a browser without JavaScript (answered with a redirect to the thank-you page, or the form again with
 * its errors).
 */
@Path("/api/campaigns")
@Tag(name = "Signatures")
class SignatureResource {

    private final SignatureService signatures;
    private final SignaturePageResource formPages;
    private final ClientAddress clients;

    SignatureResource(SignatureService signatures, SignaturePageResource formPages, ClientAddress clients) {
        this.signatures = signatures;
        this.formPages = formPages;
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
                    + "again with its errors; other clients get the same JSON answers as the JSON endpoint. The "
                    + "campaign page itself posts to POST /campaigns/{slug}.")
    public Response signForm(String slug, @BeanParam SignaturePageResource.FormFields fields, HttpHeaders headers,
                             HttpServerRequest http) {
        return formPages.sign(slug, fields, headers, http);
    }

    static Language headerLanguage(HttpHeaders headers, HttpServerRequest http) {
        return RequestLanguage.of(http.getParam("lang"), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

}
