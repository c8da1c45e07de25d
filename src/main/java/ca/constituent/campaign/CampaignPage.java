package ca.constituent.campaign;

import ca.constituent.common.Language;
import java.util.List;

/** What every public page of a campaign shows about it, in one language: title, text, who runs it, the count. */
public record CampaignPage(String slug, String title, String summary, List<String> asks, String organiser,
                           String contactEmail, List<Campaign.Source> sources, Progress progress, boolean open) {

    static CampaignPage of(Campaign campaign, Language language, long confirmed) {
        boolean fr = language == Language.FR;
        return new CampaignPage(campaign.slug,
                fr ? campaign.titleFr : campaign.titleEn,
                fr ? campaign.summaryFr : campaign.summaryEn,
                campaign.asks.stream().map(a -> fr ? a.textFr : a.textEn).toList(),
                fr ? campaign.organiserFr : campaign.organiserEn,
                campaign.contactEmail,
                campaign.sources.stream().filter(s -> s.language.equals(language.code())).toList(),
                new Progress(confirmed, campaign.goal),
                campaign.acceptsSignatures());
    }
}
