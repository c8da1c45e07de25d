-- Moderation: an organiser invalidates a signature (with a reason) and may restore it. Invalidation is a state (V2
-- has it already): the counts journal moves the signature out of 'confirmed' or 'pending' when its state changes, so
-- the counts and the map drop it at the next roll-up. Here the timeline learns the same, and restoring needs the state
-- it came from. Only pending and confirmed signatures are invalidated: held ones are out of every count already.
ALTER TABLE signature
    ADD COLUMN invalidated_from    text CHECK (invalidated_from IN ('pending', 'confirmed')),
    ADD COLUMN invalidation_reason text CHECK (length(invalidation_reason) BETWEEN 1 AND 200),
    ADD COLUMN invalidated_at      timestamptz;
ALTER TABLE signature ADD CONSTRAINT signature_invalidated_has_origin
    CHECK (state = 'invalidated' OR (invalidated_from IS NULL AND invalidation_reason IS NULL AND invalidated_at IS NULL));

-- The timeline: an invalidated signature leaves its hour of signing and, if confirmed, its hour of confirmation;
-- a restored one comes back to both.
CREATE OR REPLACE FUNCTION signature_hourly_journal_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO signature_hourly_delta (campaign_id, hour, signed, confirmed)
    SELECT campaign_id, hour, sum(signed), sum(confirmed) FROM (
        SELECT o.campaign_id, date_trunc('hour', o.created_at, 'UTC') AS hour,
               CASE WHEN n.state = 'invalidated' THEN -1 ELSE 1 END AS signed, 0 AS confirmed
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.state = 'invalidated') <> (n.state = 'invalidated')
        UNION ALL
        SELECT o.campaign_id, date_trunc('hour', o.confirmed_at, 'UTC'), 0, -1
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE o.confirmed_at IS NOT NULL AND o.state <> 'invalidated'
          AND (n.state = 'invalidated' OR o.confirmed_at IS DISTINCT FROM n.confirmed_at)
        UNION ALL
        SELECT n.campaign_id, date_trunc('hour', n.confirmed_at, 'UTC'), 0, 1
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE n.confirmed_at IS NOT NULL AND n.state <> 'invalidated'
          AND (o.state = 'invalidated' OR o.confirmed_at IS DISTINCT FROM n.confirmed_at)
    ) changes
    GROUP BY campaign_id, hour
    HAVING sum(signed) <> 0 OR sum(confirmed) <> 0;
    RETURN NULL;
END $$;

-- Erasing an invalidated signature must not take it out of the timeline a second time.
CREATE OR REPLACE FUNCTION signature_hourly_journal_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO signature_hourly_delta (campaign_id, hour, signed, confirmed)
    SELECT campaign_id, date_trunc('hour', created_at, 'UTC'), -count(*), 0 FROM old_rows
    WHERE state <> 'invalidated'
    GROUP BY campaign_id, date_trunc('hour', created_at, 'UTC');
    INSERT INTO signature_hourly_delta (campaign_id, hour, signed, confirmed)
    SELECT campaign_id, date_trunc('hour', confirmed_at, 'UTC'), 0, -count(*) FROM old_rows
    WHERE confirmed_at IS NOT NULL AND state <> 'invalidated'
    GROUP BY campaign_id, date_trunc('hour', confirmed_at, 'UTC');
    RETURN NULL;
END $$;

-- Searches by postal code or FSA (prefix) and by riding, within a campaign.
CREATE INDEX signature_by_postal_code ON signature (campaign_id, postal_code text_pattern_ops);
CREATE INDEX signature_by_riding ON signature (campaign_id, fed_code, created_at DESC);
