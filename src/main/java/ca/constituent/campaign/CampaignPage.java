package ca.constituent.campaign;

import ca.constituent.common.Language;
import ca.constituent.common.Messages;
import java.util.List;
import java.util.Map;

/** What every public page of a campaign shows about it, in one language: title, text, who runs it, the count. */
public record CampaignPage(String slug, String title, String summary, List<String> asks, String organiser,
                           String contactEmail, List<Campaign.Source> sources, Progress progress, boolean open,
                           Share share) {

    static CampaignPage of(Campaign campaign, Language language, long confirmed, String baseUrl) {
        boolean fr = language == Language.FR;
        String url = baseUrl + "/campaigns/" + campaign.slug + "?lang=" + language.code();
        String title = fr ? campaign.titleFr : campaign.titleEn;
        return new CampaignPage(campaign.slug,
                fr ? campaign.titleFr : campaign.titleEn,
                fr ? campaign.summaryFr : campaign.summaryEn,
                campaign.asks.stream().map(a -> fr ? a.textFr : a.textEn).toList(),
                fr ? campaign.organiserFr : campaign.organiserEn,
                campaign.contactEmail,
                campaign.sources.stream().filter(s -> s.language.equals(language.code())).toList(),
                new Progress(confirmed, campaign.goal),
                campaign.acceptsSignatures(),
                new Share(url, title, baseUrl + "/campaigns/" + campaign.slug + "/social.png?lang=" + language.code(),
                        title, Messages.get(language, "share.mail-body", Map.of("campaign", title))));
    }
}
