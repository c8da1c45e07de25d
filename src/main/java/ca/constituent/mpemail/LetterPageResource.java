package ca.constituent.mpemail;

import ca.constituent.common.FieldError;
import ca.constituent.common.Ids;
import ca.constituent.common.Language;
import ca.constituent.common.ProblemException;
import ca.constituent.common.ProblemMapper;
import ca.constituent.common.RequestLanguage;
import ca.constituent.common.Texts;
import ca.constituent.campaign.Campaign;
import ca.constituent.campaign.CampaignPage;
import ca.constituent.campaign.CampaignPages;
import ca.constituent.signature.RidingTally;
import ca.constituent.signature.Signature;
import ca.constituent.signature.SignatureService;
import ca.constituent.signature.SignerRidings;
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
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code /letter/{id}?key=…}: the page the signer reaches after confirming. It shows the letter, editable, with a
 * button that queues it and a link that opens it in the signer's own mail client. Plain HTML, no JavaScript.
 */
@Path("/letter")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages")
class LetterPageResource {

    /** The value of the form's second button: open the edited letter in the signer's own mail client. */
    static final String MAILTO = "mailto";

    @CheckedTemplate(basePath = "mpemail")
    static class Templates {
        static native TemplateInstance letter(Texts t, String id, String key, MpEmailView letter,
                                              List<FieldError> errors, CampaignPage campaign, RidingTally tally,
                                              boolean updates);
    }

    private final MpEmailService letters;
    private final SignatureService signatures;
    private final SignerRidings ridings;
    private final CampaignPages pages;

    LetterPageResource(MpEmailService letters, SignatureService signatures, SignerRidings ridings,
                       CampaignPages pages) {
        this.letters = letters;
        this.signatures = signatures;
        this.ridings = ridings;
        this.pages = pages;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "The signer's letter to their MP, editable, with send and mail-client buttons")
    public Response show(String id, @RestQuery String key, @RestQuery String lang,
                         @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = RequestLanguage.of(lang, acceptLanguage);
        try {
            MpEmailView letter = letters.preview(Ids.parseUuid(id), key);
            return render(200, Language.parse(letter.language()).orElse(language), id, key, letter, List.of());
        } catch (ProblemException e) {
            return render(404, language, id, null, null, List.of());
        }
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Send the letter from the page")
    public Response send(String id, @RestForm String key, @RestForm String subject, @RestForm String body,
                         @RestForm String copyToSigner, @RestForm String action, @RestQuery String lang,
                         @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = RequestLanguage.of(lang, acceptLanguage);
        if (MAILTO.equals(action)) {
            return openInMailClient(id, key, subject, body, language);
        }
        MpEmailRequests.Send edits = new MpEmailRequests.Send(subject, body,
                copyToSigner != null && !copyToSigner.isBlank());
        try {
            MpEmailView letter = letters.send(Ids.parseUuid(id), key, edits);
            return render(200, Language.parse(letter.language()).orElse(language), id, key, letter, List.of());
        } catch (ProblemException e) {
            Language shown = e.language() != null ? e.language() : language;
            if (e.status() == 404) {
                return render(404, shown, id, null, null, List.of());
            }
            MpEmailView draft = letters.preview(Ids.parseUuid(id), key);
            MpEmailView edited = new MpEmailView(draft.to(), subject, body, draft.language(), draft.mailtoUrl(),
                    draft.status(), draft.blockedBy(), draft.ridingChoices());
            List<FieldError> errors = e.invalidFields().isEmpty()
                    ? List.of(new FieldError("send", ProblemMapper.toProblem(e, shown).detail()))
                    : ProblemMapper.toProblem(e, shown).errors();
            return render(e.status(), shown, id, key, edited, errors);
        }
    }

    @POST
    @Path("{id}/riding")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Choose the riding from the letter page, when the postal code spans several")
    public Response chooseRiding(String id, @RestForm String key, @RestForm String fedCode, @RestQuery String lang,
                                 @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = RequestLanguage.of(lang, acceptLanguage);
        try {
            signatures.chooseRiding(Ids.parseUuid(id), key, fedCode);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return render(404, language, id, null, null, List.of());
            }
            MpEmailView letter = letters.preview(Ids.parseUuid(id), key);
            return render(e.status(), language, id, key, letter, ProblemMapper.toProblem(e, language).errors() == null
                    ? List.of(new FieldError("fedCode", ProblemMapper.toProblem(e, language).detail()))
                    : ProblemMapper.toProblem(e, language).errors());
        }
        return Response.seeOther(URI.create("/letter/" + id + "?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                + "&lang=" + language.code())).build();
    }

    /** The signer's edited letter, handed to their own mail client: a redirect to a {@code mailto:} link. */
    private Response openInMailClient(String id, String key, String subject, String body, Language language) {
        MpEmailView draft;
        try {
            draft = letters.preview(Ids.parseUuid(id), key);
        } catch (ProblemException e) {
            return render(404, language, id, null, null, List.of());
        }
        String to = draft.to() == null ? "" : draft.to().email();
        return Response.seeOther(URI.create(Mailto.of(to, subject == null ? draft.subject() : subject,
                body == null ? draft.body() : body))).build();
    }

    private Response render(int status, Language language, String id, String key, MpEmailView letter,
                            List<FieldError> errors) {
        Signature signature = letter == null ? null : signatures.authorised(Ids.parseUuid(id), key);
        String html = Templates.letter(new Texts(language), id, key, letter, errors,
                signature == null ? null : pages.page(Campaign.findById(signature.campaignId), language),
                signature == null ? null : ridings.of(signature, language),
                signature != null && signature.consentUpdates).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Language", language.code()).entity(html).build();
    }
}
