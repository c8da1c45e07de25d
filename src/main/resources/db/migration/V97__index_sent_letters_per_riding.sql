-- The pages after signing say how many letters have gone to the signer's MP: one riding's sent letters, counted
-- from this index alone rather than by scanning every letter of the campaign.
CREATE INDEX mp_email_sent_per_riding ON mp_email (campaign_id, fed_code) WHERE status = 'sent';
