package ca.constituent.admin;

import ca.constituent.campaign.Campaign;
import ca.constituent.campaign.CampaignEditor;
import ca.constituent.campaign.CampaignForm;
import ca.constituent.common.Language;
import ca.constituent.common.ProblemException;
import ca.constituent.mpemail.LetterTemplateEditor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Organisers' campaign and letter edits with their audit lines, each in one transaction with what it records. */
@ApplicationScoped
class CampaignAdmin {

    private final CampaignEditor campaigns;
    private final LetterTemplateEditor letters;
    private final AdminAudit audit;

    CampaignAdmin(CampaignEditor campaigns, LetterTemplateEditor letters, AdminAudit audit) {
        this.campaigns = campaigns;
        this.letters = letters;
        this.audit = audit;
    }

    @Transactional
    Campaign create(CampaignForm form, Language language, SignedIn who, String ipHash) {
        Campaign campaign = campaigns.create(form, language);
        audit.record(AdminAudit.Entry.by(who, "campaign-create", "campaign:" + campaign.slug, 1, ipHash));
        return campaign;
    }

    @Transactional
    Campaign update(String slug, CampaignForm form, Language language, SignedIn who, String ipHash) {
        Campaign campaign = campaigns.update(slug, form, language);
        audit.record(AdminAudit.Entry.by(who, "campaign-update", "campaign:" + slug, 1, ipHash));
        return campaign;
    }

    @Transactional
    void saveLetter(String slug, Language letterLanguage, LetterTemplateEditor.Text text, Language language,
                    SignedIn who, String ipHash) {
        try {
            letters.save(campaign(slug), letterLanguage, text);
        } catch (ProblemException e) {
            throw e.in(language);
        }
        audit.record(AdminAudit.Entry.by(who, "letter-template-save",
                "campaign:" + slug + ":" + letterLanguage.code(), 1, ipHash));
    }

    /** Any campaign, drafts included. */
    static Campaign campaign(String slug) {
        return Campaign.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("campaign-not-found"));
    }
}
