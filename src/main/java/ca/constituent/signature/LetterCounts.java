package ca.constituent.signature;

/** How many letters have gone to a riding's MP in a campaign; the letter feature provides it. */
public interface LetterCounts {

    /** Letters sent (not merely queued) to the MP of the riding, in the campaign. */
    long sent(long campaignId, String fedCode);
}
