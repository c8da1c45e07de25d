package ca.constituent.campaign;

import ca.constituent.common.Bilingual;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A campaign as an organiser creates or edits it: slug, titles, summaries and asks in English and French, goal,
 * state ({@code draft}, {@code open}, {@code closed}), optional opening and closing times, and the short name letters
 * are sent under.
 */
public record CampaignForm(String slug, String titleEn, String titleFr, String summaryEn, String summaryFr,
                           List<Bilingual> asks, Integer goal, String status, OffsetDateTime opensAt,
                           OffsetDateTime closesAt, String senderName) {

    /** The form of a saved campaign, to edit it. */
    public static CampaignForm of(Campaign c) {
        return new CampaignForm(c.slug, c.titleEn, c.titleFr, c.summaryEn, c.summaryFr,
                c.asks.stream().map(a -> new Bilingual(a.textEn, a.textFr)).toList(), c.goal, c.status, c.opensAt,
                c.closesAt, c.senderName);
    }
}
