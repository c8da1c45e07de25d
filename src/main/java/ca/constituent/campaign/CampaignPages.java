package ca.constituent.campaign;

import ca.constituent.abuse.ProofOfWork;
import ca.constituent.common.AppConfig;
import ca.constituent.common.Language;
import ca.constituent.common.Messages;
import ca.constituent.common.Texts;
import ca.constituent.riding.RidingLookup;
import ca.constituent.riding.RidingView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders the public pages of a campaign: the signature form (blank or with errors) and the thank-you page. */
@ApplicationScoped
public class CampaignPages {

    @CheckedTemplate(basePath = "campaign")
    static class Templates {
        static native TemplateInstance form(Texts t, CampaignPage campaign, SignForm form, List<RidingChoice> ridings,
                                            boolean proofOfWork, String altchaStrings);

        static native TemplateInstance thanks(Texts t, CampaignPage campaign);

        static native TemplateInstance embed(Texts t, CampaignPage campaign, boolean proofOfWork,
                                             String altchaStrings);
    }

    /** A riding as the no-JavaScript form lists it. */
    public record RidingChoice(String fedCode, String name, String province) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CampaignCounts counts;
    private final RidingLookup ridings;
    private final ProofOfWork proofOfWork;
    private final AppConfig app;

    CampaignPages(CampaignCounts counts, RidingLookup ridings, ProofOfWork proofOfWork, AppConfig app) {
        this.app = app;
        this.counts = counts;
        this.ridings = ridings;
        this.proofOfWork = proofOfWork;
    }

    public TemplateInstance form(Campaign campaign, Language language, SignForm form) {
        boolean pow = proofOfWork.enabled();
        return Templates.form(new Texts(language), page(campaign, language), form, ridingChoices(language), pow,
                pow ? altchaStrings(language) : "");
    }

    /** The ALTCHA widget's texts in the page's language, as the JSON its {@code strings} attribute takes. */
    private static String altchaStrings(Language language) {
        Map<String, String> strings = new LinkedHashMap<>();
        for (String key : List.of("label", "verifying", "verified", "error", "expired", "verificationRequired")) {
            strings.put(key, Messages.get(language, "altcha." + key));
        }
        try {
            return JSON.writeValueAsString(strings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The compact page other sites frame: the count and a short form that opens the thank-you page on top. */
    public TemplateInstance embed(Campaign campaign, Language language) {
        boolean pow = proofOfWork.enabled();
        return Templates.embed(new Texts(language), page(campaign, language), pow,
                pow ? altchaStrings(language) : "");
    }

    public TemplateInstance thanks(Campaign campaign, Language language) {
        return Templates.thanks(new Texts(language), page(campaign, language));
    }

    /** What the pages after signing show about the campaign: title, organiser, the count. */
    public CampaignPage page(Campaign campaign, Language language) {
        return CampaignPage.of(campaign, language, counts.confirmed(campaign), app.publicBaseUrl());
    }

    private List<RidingChoice> ridingChoices(Language language) {
        Collator collator = Collator.getInstance(language.locale());
        return ridings.ridings().stream()
                .map(r -> new RidingChoice(r.fedCode(), name(r, language), r.province()))
                .sorted(Comparator.comparing(RidingChoice::name, collator))
                .toList();
    }

    private static String name(RidingView riding, Language language) {
        return language == Language.FR ? riding.nameFr() : riding.nameEn();
    }
}
