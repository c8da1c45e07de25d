package ca.constituent.campaign;

import ca.constituent.common.Bilingual;
import ca.constituent.common.Fields;
import ca.constituent.common.Language;
import ca.constituent.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Organisers create and edit campaigns: every field checked before anything is stored. */
@ApplicationScoped
public class CampaignEditor {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> STATES = Set.of(Campaign.DRAFT, Campaign.OPEN, Campaign.CLOSED);

    /**
     * Creates a campaign (a draft unless the form says otherwise).
     *
     * @throws ProblemException 400 naming every invalid field, 409 {@code campaign-slug-taken}
     */
    @Transactional
    public Campaign create(CampaignForm form, Language language) {
        Campaign campaign = new Campaign();
        campaign.organiserEn = "";
        campaign.organiserFr = "";
        campaign.contactEmail = "";
        campaign.createdAt = OffsetDateTime.now();
        fill(campaign, form, language, true);
        if (Campaign.findBySlug(campaign.slug).isPresent()) {
            throw ProblemException.conflict("campaign-slug-taken").in(language);
        }
        campaign.persist();
        return campaign;
    }

    /**
     * Edits a campaign; its slug stays (links in mails and on other sites point to it).
     *
     * @throws ProblemException 404 {@code campaign-not-found}, 400 naming every invalid field
     */
    @Transactional
    public Campaign update(String slug, CampaignForm form, Language language) {
        Campaign campaign = Campaign.findBySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("campaign-not-found").in(language));
        fill(campaign, form, language, false);
        return campaign;
    }

    private static void fill(Campaign campaign, CampaignForm form, Language language, boolean withSlug) {
        CampaignForm f = form == null ? new CampaignForm(null, null, null, null, null, null, null, null, null, null,
                null) : form;
        Fields fields = new Fields();
        String slug = withSlug ? fields.code(f.slug(), "slug", SLUG) : campaign.slug;
        if (slug == null || slug.length() > 80) {
            fields.add("slug", "field.slug.invalid");
        }
        String titleEn = fields.line(f.titleEn(), "titleEn", 200, "field.titleEn.invalid");
        String titleFr = fields.line(f.titleFr(), "titleFr", 200, "field.titleFr.invalid");
        String summaryEn = fields.lines(f.summaryEn(), "summaryEn", 5000, "field.summaryEn.invalid");
        String summaryFr = fields.lines(f.summaryFr(), "summaryFr", 5000, "field.summaryFr.invalid");
        String sender = fields.line(f.senderName() == null ? titleEn : f.senderName(), "senderName", 60,
                "field.senderName.invalid");
        if (sender != null && sender.matches(".*[\"<>].*")) {
            fields.add("senderName", "field.senderName.invalid");
        }
        List<Campaign.Ask> asks = asks(f.asks(), fields);
        String status = f.status() == null ? Campaign.DRAFT : f.status().strip();
        if (!STATES.contains(status)) {
            fields.add("status", "field.status.invalid");
        }
        checkGoalAndDates(f, fields);
        fields.check(language);
        campaign.slug = slug;
        campaign.titleEn = titleEn;
        campaign.titleFr = titleFr;
        campaign.summaryEn = summaryEn;
        campaign.summaryFr = summaryFr;
        campaign.senderName = sender;
        campaign.goal = f.goal();
        campaign.status = status;
        campaign.opensAt = f.opensAt();
        campaign.closesAt = f.closesAt();
        campaign.asks.clear();
        campaign.asks.addAll(asks);
    }

    /** A positive goal; opening and closing dates in a plausible range, the closing one after the opening one. */
    private static void checkGoalAndDates(CampaignForm f, Fields fields) {
        if (f.goal() == null || f.goal() <= 0) {
            fields.add("goal", "field.goal.invalid");
        }
        if (f.opensAt() != null && (f.opensAt().getYear() < 2000 || f.opensAt().getYear() > 2200)) {
            fields.add("opensAt", "field.opensAt.invalid");
        }
        if (f.closesAt() != null && (f.closesAt().getYear() < 2000 || f.closesAt().getYear() > 2200)
                || f.opensAt() != null && f.closesAt() != null && !f.closesAt().isAfter(f.opensAt())) {
            fields.add("closesAt", "field.closesAt.invalid");
        }
    }

    private static List<Campaign.Ask> asks(List<Bilingual> given, Fields fields) {
        List<Campaign.Ask> asks = new ArrayList<>();
        if (given == null || given.isEmpty() || given.size() > 20) {
            fields.add("asks", "field.asks.invalid");
            return asks;
        }
        for (Bilingual b : given) {
            Fields one = new Fields();
            String en = b == null ? null : one.lines(b.en(), "asks", 1000, "field.asks.invalid");
            String fr = b == null ? null : one.lines(b.fr(), "asks", 1000, "field.asks.invalid");
            if (en == null || fr == null) {
                fields.add("asks", "field.asks.invalid");
                return asks;
            }
            Campaign.Ask ask = new Campaign.Ask();
            ask.textEn = en;
            ask.textFr = fr;
            asks.add(ask);
        }
        return asks;
    }
}
