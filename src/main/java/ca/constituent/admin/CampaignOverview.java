package ca.constituent.admin;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A campaign at a glance. {@code confirmed} and {@code pending} come from the same rolled-up table as the public
 * counts endpoint, so both always agree.
 */
@io.quarkus.qute.TemplateData
public record CampaignOverview(String slug, String titleEn, String titleFr, String status, long confirmed,
                               long pending, double confirmationRate, int goal, double goalProgress,
                               Map<String, Long> letters, OffsetDateTime countsUpdatedAt) {

    public long letters(String status) {
        return letters.getOrDefault(status, 0L);
    }

    public String title(String language) {
        return "fr".equals(language) ? titleFr : titleEn;
    }
}
