-- Every MP a riding has had, with the dates the record was in force, kept by a trigger on member_of_parliament
-- whatever changes it (a dataset load, an organiser's upload or edit). A dataset reload deletes and inserts every
-- row in one transaction: a term closed and reopened with the same name, party and address in that transaction
-- (same now()) is simply reopened, so unchanged MPs keep one term.
CREATE TABLE mp_term (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fed_code       text        NOT NULL REFERENCES riding (fed_code),
    name           text        NOT NULL,
    party          text        NOT NULL,
    email          text,
    source         text        NOT NULL,
    effective_from timestamptz NOT NULL DEFAULT now(),
    effective_to   timestamptz,
    CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE UNIQUE INDEX mp_term_current ON mp_term (fed_code) WHERE effective_to IS NULL;
CREATE INDEX mp_term_by_riding ON mp_term (fed_code, effective_from DESC);

CREATE FUNCTION mp_term_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        IF TG_OP = 'UPDATE' AND NEW.fed_code = OLD.fed_code AND NEW.name = OLD.name AND NEW.party = OLD.party
                AND NEW.email IS NOT DISTINCT FROM OLD.email THEN
            RETURN NEW;
        END IF;
        UPDATE mp_term SET effective_to = now() WHERE fed_code = OLD.fed_code AND effective_to IS NULL;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE mp_term SET effective_to = NULL
        WHERE id = (SELECT id FROM mp_term WHERE fed_code = NEW.fed_code AND effective_to = now()
                    AND name = NEW.name AND party = NEW.party AND email IS NOT DISTINCT FROM NEW.email
                    ORDER BY id DESC LIMIT 1)
          AND NOT EXISTS (SELECT 1 FROM mp_term WHERE fed_code = NEW.fed_code AND effective_to IS NULL);
        IF NOT FOUND THEN
            INSERT INTO mp_term (fed_code, name, party, email, source)
            SELECT NEW.fed_code, NEW.name, NEW.party, NEW.email, NEW.source
            WHERE NOT EXISTS (SELECT 1 FROM mp_term WHERE fed_code = NEW.fed_code AND effective_to IS NULL);
        END IF;
        RETURN NEW;
    END IF;
    RETURN OLD;
END $$;

CREATE TRIGGER mp_term_track AFTER INSERT OR UPDATE OR DELETE ON member_of_parliament
    FOR EACH ROW EXECUTE FUNCTION mp_term_track();

-- The MPs of a database migrated with its data already loaded start their history now.
INSERT INTO mp_term (fed_code, name, party, email, source)
SELECT fed_code, name, party, email, source FROM member_of_parliament;

-- Which MP record a letter is addressed to. A queued letter whose riding's MP changed is re-addressed to the new MP,
-- or held ('held', with the reason) while the seat is vacant or the new MP's address unknown; the outbox claims only
-- 'queued' letters, so a held one is never sent to anyone.
ALTER TABLE mp_email
    ADD COLUMN mp_term_id     bigint REFERENCES mp_term (id),
    ADD COLUMN held_reason    text CHECK (held_reason IN ('seat-vacant', 'mp-email-unknown')),
    ADD COLUMN readdressed_at timestamptz,
    DROP CONSTRAINT mp_email_status_check,
    ADD CONSTRAINT mp_email_status_check CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'held')),
    ADD CONSTRAINT mp_email_held_check CHECK ((status = 'held') = (held_reason IS NOT NULL));
CREATE INDEX mp_email_by_riding ON mp_email (fed_code) WHERE status IN ('queued', 'held');

-- A version for MP edits, so every replica notices one made elsewhere and reloads its riding data.
ALTER TABLE riding_dataset
    DROP CONSTRAINT riding_dataset_kind_check,
    ADD CONSTRAINT riding_dataset_kind_check CHECK (kind IN ('ridings', 'postal-codes', 'mps'));
