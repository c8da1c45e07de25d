-- A deleted signature (erasure, retention of unconfirmed ones) leaves the timeline as it leaves the counts: its hour of
-- signing and, if it was confirmed, its hour of confirmation each lose one.
CREATE FUNCTION signature_hourly_journal_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO signature_hourly_delta (campaign_id, hour, signed, confirmed)
    SELECT campaign_id, date_trunc('hour', created_at, 'UTC'), -count(*), 0 FROM old_rows
    GROUP BY campaign_id, date_trunc('hour', created_at, 'UTC');
    INSERT INTO signature_hourly_delta (campaign_id, hour, signed, confirmed)
    SELECT campaign_id, date_trunc('hour', confirmed_at, 'UTC'), 0, -count(*) FROM old_rows
    WHERE confirmed_at IS NOT NULL
    GROUP BY campaign_id, date_trunc('hour', confirmed_at, 'UTC');
    RETURN NULL;
END $$;

CREATE TRIGGER signature_hourly_journal_delete
    AFTER DELETE ON signature
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION signature_hourly_journal_delete();
