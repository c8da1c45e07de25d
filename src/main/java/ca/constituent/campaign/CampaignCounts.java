package ca.constituent.campaign;

/** How many people confirmed their signature on a campaign, for its pages; the signature feature provides it. */
public interface CampaignCounts {

    /** Confirmed signatures of the campaign, as last rolled up. */
    long confirmed(Campaign campaign);
}
