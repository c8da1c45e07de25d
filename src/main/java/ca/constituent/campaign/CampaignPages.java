package ca.constituent.campaign;

import ca.constituent.common.Language;
import ca.constituent.common.Texts;
import ca.constituent.riding.RidingLookup;
import ca.constituent.riding.RidingView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;

/** Renders the public pages of a campaign: the signature form (blank or with errors) and the thank-you page. */
@ApplicationScoped
public class CampaignPages {

    @CheckedTemplate(basePath = "campaign")
    static class Templates {
        static native TemplateInstance form(Texts t, CampaignPage campaign, SignForm form, List<RidingChoice> ridings);

        static native TemplateInstance thanks(Texts t, CampaignPage campaign);
    }

    /** A riding as the no-JavaScript form lists it. */
    public record RidingChoice(String fedCode, String name, String province) {
    }

    private final CampaignCounts counts;
    private final RidingLookup ridings;

    CampaignPages(CampaignCounts counts, RidingLookup ridings) {
        this.counts = counts;
        this.ridings = ridings;
    }

    public TemplateInstance form(Campaign campaign, Language language, SignForm form) {
        return Templates.form(new Texts(language), page(campaign, language), form, ridingChoices(language));
    }

    public TemplateInstance thanks(Campaign campaign, Language language) {
        return Templates.thanks(new Texts(language), page(campaign, language));
    }

    /** What the pages after signing show about the campaign: title, organiser, the count. */
    public CampaignPage page(Campaign campaign, Language language) {
        return CampaignPage.of(campaign, language, counts.confirmed(campaign));
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
