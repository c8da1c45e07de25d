-- Signatures received and confirmed per hour, for the dashboard's timeline. Like the counts, a statement-level
-- trigger appends deltas and a scheduled roll-up folds them into signature_hourly, so signing never updates a shared
-- row and the timeline never scans signatures.
CREATE TABLE signature_hourly_delta (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id  bigint      NOT NULL,
    hour         timestamptz NOT NULL,
    signed       integer     NOT NULL,
    confirmed    integer     NOT NULL
);

CREATE TABLE signature_hourly (
    campaign_id  bigint      NOT NULL REFERENCES campaign (id),
    hour         timestamptz NOT NULL CHECK (hour = date_trunc('hour', hour, 'UTC')),
    signed       bigint      NOT NULL,
    confirmed    bigint      NOT NULL,
    PRIMARY KEY (campaign_id, hour)
);

CREATE FUNCTION signature_hourly_journal_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO signature_hourly_delta (campaign_id, hour, signed, confirmed)
    SELECT campaign_id, date_trunc('hour', created_at, 'UTC'), count(*), 0 FROM new_rows
    GROUP BY campaign_id, date_trunc('hour', created_at, 'UTC');
    INSERT INTO signature_hourly_delta (campaign_id, hour, signed, confirmed)
    SELECT campaign_id, date_trunc('hour', confirmed_at, 'UTC'), 0, count(*) FROM new_rows
    WHERE confirmed_at IS NOT NULL
    GROUP BY campaign_id, date_trunc('hour', confirmed_at, 'UTC');
    RETURN NULL;
END $$;

-- A confirmation counts in the hour it happened; clearing or moving confirmed_at moves it back out.
CREATE FUNCTION signature_hourly_journal_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO signature_hourly_delta (campaign_id, hour, signed, confirmed)
    SELECT campaign_id, hour, 0, sum(delta) FROM (
        SELECT o.campaign_id, date_trunc('hour', o.confirmed_at, 'UTC') AS hour, -1 AS delta
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE o.confirmed_at IS NOT NULL AND o.confirmed_at IS DISTINCT FROM n.confirmed_at
        UNION ALL
        SELECT n.campaign_id, date_trunc('hour', n.confirmed_at, 'UTC'), 1
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE n.confirmed_at IS NOT NULL AND o.confirmed_at IS DISTINCT FROM n.confirmed_at
    ) changes
    GROUP BY campaign_id, hour
    HAVING sum(delta) <> 0;
    RETURN NULL;
END $$;

CREATE TRIGGER signature_hourly_journal_insert
    AFTER INSERT ON signature
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION signature_hourly_journal_insert();

CREATE TRIGGER signature_hourly_journal_update
    AFTER UPDATE ON signature
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION signature_hourly_journal_update();

-- Signatures stored before this migration, counted once here.
INSERT INTO signature_hourly (campaign_id, hour, signed, confirmed)
SELECT campaign_id, hour, sum(signed), sum(confirmed) FROM (
    SELECT campaign_id, date_trunc('hour', created_at, 'UTC') AS hour, 1 AS signed, 0 AS confirmed FROM signature
    UNION ALL
    SELECT campaign_id, date_trunc('hour', confirmed_at, 'UTC'), 0, 1 FROM signature WHERE confirmed_at IS NOT NULL
) s
GROUP BY campaign_id, hour;
