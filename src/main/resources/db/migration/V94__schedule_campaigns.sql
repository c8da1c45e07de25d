-- Organisers create and edit campaigns from the dashboard: a campaign may open and close on given dates.
-- Whether a campaign takes signatures, confirmations and letters now: open, and within its dates.
ALTER TABLE campaign
    ADD COLUMN opens_at  timestamptz,
    ADD COLUMN closes_at timestamptz,
    ADD CONSTRAINT campaign_dates_check CHECK (opens_at IS NULL OR closes_at IS NULL OR closes_at > opens_at);

CREATE FUNCTION campaign_accepts(status text, opens_at timestamptz, closes_at timestamptz) RETURNS boolean
    LANGUAGE sql STABLE AS
$$ SELECT status = 'open' AND (opens_at IS NULL OR opens_at <= now()) AND (closes_at IS NULL OR closes_at > now()) $$;
