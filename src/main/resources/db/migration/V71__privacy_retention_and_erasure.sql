-- Privacy lifecycle: retention settings per campaign, erasure that keeps the counts right, anonymisation.

-- How long each kind of personal data is kept, per campaign (the /privacy page states these).
ALTER TABLE campaign
    ADD COLUMN retention_unconfirmed_days integer NOT NULL DEFAULT 30 CHECK (retention_unconfirmed_days > 0),
    ADD COLUMN retention_ip_hash_days     integer NOT NULL DEFAULT 7 CHECK (retention_ip_hash_days > 0),
    ADD COLUMN retention_anonymise_months integer NOT NULL DEFAULT 6 CHECK (retention_anonymise_months > 0),
    ADD COLUMN retention_letter_days      integer NOT NULL DEFAULT 30 CHECK (retention_letter_days > 0),
    ADD COLUMN closed_at                  timestamptz;

-- Closing a campaign records when, so anonymisation can count from it.
CREATE FUNCTION campaign_closed_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'closed' AND OLD.status IS DISTINCT FROM 'closed' THEN
        NEW.closed_at := coalesce(NEW.closed_at, now());
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER campaign_closed_at BEFORE UPDATE OF status ON campaign
    FOR EACH ROW EXECUTE FUNCTION campaign_closed_at();
UPDATE campaign SET closed_at = now() WHERE status = 'closed';

-- A deleted signature (erasure, expiry of an unconfirmed one) leaves the counts: the journal records it.
CREATE FUNCTION signature_count_journal_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO signature_count_delta (campaign_id, state, province, fed_code, delta)
    SELECT campaign_id, state, province, coalesce(fed_code, 'unknown'), -count(*)
    FROM old_rows
    GROUP BY campaign_id, state, province, coalesce(fed_code, 'unknown');
    RETURN NULL;
END $$;
CREATE TRIGGER signature_count_journal_delete
    AFTER DELETE ON signature
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION signature_count_journal_delete();

-- Anonymised signatures keep their riding, province, FSA and dates; name, address and the rest of the postal code go.
ALTER TABLE signature ADD COLUMN anonymised_at timestamptz;
ALTER TABLE signature DROP CONSTRAINT signature_postal_code_check;
ALTER TABLE signature ADD CONSTRAINT signature_postal_code_check
    CHECK (postal_code ~ '^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$' OR (anonymised_at IS NOT NULL AND postal_code ~ '^[A-Z][0-9][A-Z]$'));
CREATE INDEX signature_unconfirmed_by_age ON signature (created_at) WHERE state IN ('pending', 'held');

-- Letter bodies are erased some days after sending.
ALTER TABLE mp_email DROP CONSTRAINT mp_email_body_check;
ALTER TABLE mp_email ADD COLUMN body_erased_at timestamptz;
ALTER TABLE mp_email ADD CONSTRAINT mp_email_body_check
    CHECK (length(body) <= 10000 AND (length(body) >= 1 OR body_erased_at IS NOT NULL));
