package ca.constituent.privacy;

import ca.constituent.campaign.Campaign;
import ca.constituent.common.Ids;
import ca.constituent.common.Language;
import ca.constituent.common.RequestLanguage;
import ca.constituent.common.Texts;
import ca.constituent.signature.Signature;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code /privacy}, generated from the retention settings in force; {@code /my-data/{id}} where a signer sees and
 * erases their data; {@code /unsubscribe/{id}}, the one-click withdrawal of consent (RFC 8058: a POST answers it).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages")
class PrivacyResource {

    /** A campaign's retention, as the privacy page states it. */
    public record CampaignRetention(String title, int unconfirmedDays, int ipHashDays, int anonymiseMonths,
                                    int letterDays) {
    }

    private final SignerData signers;
    private final EntityManager em;
    private final Template privacy;
    private final Template myData;
    private final Template done;

    PrivacyResource(SignerData signers, EntityManager em, @Location("privacy/privacy.html") Template privacy,
                    @Location("privacy/my-data.html") Template myData, @Location("privacy/done.html") Template done) {
        this.signers = signers;
        this.em = em;
        this.privacy = privacy;
        this.myData = myData;
        this.done = done;
    }

    @GET
    @Path("privacy")
    @Operation(summary = "The privacy policy, stating the retention in force for each campaign")
    public String privacy(@RestQuery String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = RequestLanguage.of(lang, acceptLanguage);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT title_en, title_fr, retention_unconfirmed_days, retention_ip_hash_days,
                       retention_anonymise_months, retention_letter_days
                FROM campaign WHERE status <> 'draft' ORDER BY created_at DESC
                """, Object[].class).getResultList();
        List<CampaignRetention> campaigns = rows.stream().map(r -> new CampaignRetention(
                (String) (language == Language.FR ? r[1] : r[0]), ((Number) r[2]).intValue(),
                ((Number) r[3]).intValue(), ((Number) r[4]).intValue(), ((Number) r[5]).intValue())).toList();
        return privacy.data("t", new Texts(language)).data("campaigns", campaigns).render();
    }

    @GET
    @Path("my-data/{id}")
    @Operation(summary = "A signer's own data, opened by the signer key from any of our mails")
    public String myData(String id, @RestQuery String key, @RestQuery String lang) {
        Signature signature = signers.view(parse(id), key);
        Language language = Language.parse(lang).orElse(Language.parse(signature.language).orElse(Language.EN));
        Campaign campaign = Campaign.findById(signature.campaignId);
        return myData.data("t", new Texts(language)).data("s", signature).data("key", key)
                .data("campaign", language == Language.FR ? campaign.titleFr : campaign.titleEn).render();
    }

    @POST
    @Path("my-data/{id}/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Erase a signature and everything that names its signer; the counts drop by one")
    public String erase(String id, @RestForm String key, @RestQuery String lang) {
        signers.erase(parse(id), key);
        return done(lang, "privacy.erased");
    }

    @GET
    @Path("unsubscribe/{id}")
    @Operation(summary = "A page with one button to stop updates (a link scanner's GET changes nothing)")
    public String unsubscribePage(String id, @RestQuery String key, @RestQuery String lang) {
        signers.view(parse(id), key);
        return done.data("t", new Texts(RequestLanguage.of(lang, null))).data("message", null)
                .data("unsubscribe", "/unsubscribe/" + id).data("key", key).render();
    }

    @POST
    @Path("unsubscribe/{id}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @Operation(summary = "One-click unsubscribe (List-Unsubscribe-Post): consent to updates is withdrawn")
    public Response unsubscribe(String id, @RestQuery String key, @RestForm("key") String formKey,
                                @RestQuery String lang) {
        signers.unsubscribe(parse(id), key != null ? key : formKey);
        return Response.ok(done(lang, "privacy.unsubscribed")).type(MediaType.TEXT_HTML_TYPE).build();
    }

    private String done(String lang, String messageKey) {
        Texts t = new Texts(RequestLanguage.of(lang, null));
        return done.data("t", t).data("message", t.get(messageKey)).data("unsubscribe", null).data("key", null)
                .render();
    }

    private static UUID parse(String id) {
        return Ids.parseUuid(id);
    }
}
