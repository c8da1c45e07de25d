package ca.constituent.campaign;

import ca.constituent.common.Bilingual;
import java.util.List;

/** A campaign as the public API shows it. */
public record CampaignView(String slug, Bilingual title, Bilingual summary, List<Bilingual> asks, int goal,
                           String status) {

    static CampaignView from(Campaign campaign) {
        return new CampaignView(campaign.slug,
                new Bilingual(campaign.titleEn, campaign.titleFr),
                new Bilingual(campaign.summaryEn, campaign.summaryFr),
                campaign.asks.stream().map(a -> new Bilingual(a.textEn, a.textFr)).toList(),
                campaign.goal,
                campaign.status);
    }
}
