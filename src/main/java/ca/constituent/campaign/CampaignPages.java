package ca.constituent.campaign;

import ca.constituent.abuse.ProofOfWork;
import ca.constituent.common.FieldError;
import ca.constituent.common.Language;
import ca.constituent.common.Messages;
import ca.constituent.common.Texts;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders the public pages of a campaign: the signature form (blank or with errors) and the thank-you page. */
@ApplicationScoped
public class CampaignPages {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final Template form;
    private final Template thanks;
    private final ProofOfWork proofOfWork;

    CampaignPages(@Location("campaign/form.html") Template form, @Location("campaign/thanks.html") Template thanks,
                  ProofOfWork proofOfWork) {
        this.form = form;
        this.thanks = thanks;
        this.proofOfWork = proofOfWork;
    }

    /** The ALTCHA widget's texts in the page's language, as the JSON its {@code strings} attribute takes. */
    private static String altchaStrings(Language language) {
        Map<String, String> strings = new java.util.LinkedHashMap<>();
        for (String key : List.of("label", "verifying", "verified", "error", "expired", "verificationRequired")) {
            strings.put(key, Messages.get(language, "altcha." + key));
        }
        try {
            return JSON.writeValueAsString(strings);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public TemplateInstance form(Campaign campaign, Language language, Map<String, ?> values,
                                 List<FieldError> errors) {
        boolean fr = language == Language.FR;
        return form.data("t", new Texts(language))
                .data("campaign", campaign)
                .data("title", fr ? campaign.titleFr : campaign.titleEn)
                .data("summary", fr ? campaign.summaryFr : campaign.summaryEn)
                .data("asks", campaign.asks.stream().map(a -> fr ? a.textFr : a.textEn).toList())
                .data("values", values)
                .data("proofOfWork", proofOfWork.enabled())
                .data("altchaStrings", proofOfWork.enabled() ? altchaStrings(language) : "")
                .data("errors", errors)
                .data("invalid", errors.stream().map(FieldError::field).collect(Collectors.toSet()));
    }

    public TemplateInstance thanks(Campaign campaign, Language language) {
        return thanks.data("t", new Texts(language))
                .data("slug", campaign.slug)
                .data("title", language == Language.FR ? campaign.titleFr : campaign.titleEn)
                .data("message", Messages.get(language, "thanks.body"))
                .data("nextStep", Messages.get(language, "receipt.next-step"));
    }
}
