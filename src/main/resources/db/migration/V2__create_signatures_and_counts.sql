-- Signatures, their confirmation mails (a queue written in the signing transaction), and counts.

CREATE TABLE signature (
    id               uuid        PRIMARY KEY,
    campaign_id      bigint      NOT NULL REFERENCES campaign (id),
    state            text        NOT NULL DEFAULT 'pending'
                                 CHECK (state IN ('pending', 'confirmed', 'fraudulent', 'invalidated')),
    first_name       text        NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
    last_name        text        NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
    email            text        NOT NULL CHECK (length(email) <= 254),
    canonical_email  text        NOT NULL CHECK (length(canonical_email) <= 254),
    postal_code      text        NOT NULL CHECK (postal_code ~ '^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$'),
    province         text        NOT NULL CHECK (province ~ '^[A-Z]{2}$'),
    fed_code         text        CHECK (fed_code ~ '^[0-9]{5}$'),
    language         text        NOT NULL CHECK (language IN ('en', 'fr')),
    consent_updates  boolean     NOT NULL DEFAULT false,
    personal_note    text        CHECK (length(personal_note) <= 2000),
    ip_hash          text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    confirmed_at     timestamptz,
    CHECK ((state = 'pending') = (confirmed_at IS NULL) OR state IN ('fraudulent', 'invalidated')),
    UNIQUE (campaign_id, canonical_email)
);

-- Confirmation mails leave through this queue; a row is written in the same statement as its signature.
CREATE TABLE confirmation_mail (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    signature_id    uuid        NOT NULL REFERENCES signature (id) ON DELETE CASCADE,
    status          text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    last_error      text
);
CREATE INDEX confirmation_mail_due ON confirmation_mail (next_attempt_at) WHERE status = 'queued';
CREATE INDEX confirmation_mail_by_signature ON confirmation_mail (signature_id, created_at);

-- Counts. Signing never touches a shared counter row: every change of a signature appends a delta row
-- (by trigger, so no code path can forget), and a scheduled roll-up folds the deltas into signature_count.
-- Readers only read signature_count: O(ridings), whatever the number of signatures.
CREATE TABLE signature_count_delta (
    id          bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id bigint  NOT NULL,
    state       text    NOT NULL,
    province    text    NOT NULL,
    fed_code    text    NOT NULL,
    delta       integer NOT NULL
);

CREATE TABLE signature_count (
    campaign_id bigint  NOT NULL REFERENCES campaign (id),
    state       text    NOT NULL,
    province    text    NOT NULL,
    fed_code    text    NOT NULL, -- 'unknown' when the riding is not known
    n           bigint  NOT NULL,
    PRIMARY KEY (campaign_id, state, province, fed_code)
);

CREATE TABLE signature_count_rollup (
    campaign_id     bigint      PRIMARY KEY REFERENCES campaign (id),
    rolled_up_at    timestamptz NOT NULL
);

CREATE FUNCTION signature_count_journal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.state = NEW.state AND OLD.province = NEW.province
           AND OLD.fed_code IS NOT DISTINCT FROM NEW.fed_code THEN
            RETURN NEW;
        END IF;
        INSERT INTO signature_count_delta (campaign_id, state, province, fed_code, delta)
        VALUES (OLD.campaign_id, OLD.state, OLD.province, coalesce(OLD.fed_code, 'unknown'), -1);
    END IF;
    INSERT INTO signature_count_delta (campaign_id, state, province, fed_code, delta)
    VALUES (NEW.campaign_id, NEW.state, NEW.province, coalesce(NEW.fed_code, 'unknown'), 1);
    RETURN NEW;
END $$;

CREATE TRIGGER signature_count_journal
    AFTER INSERT OR UPDATE OF state, province, fed_code ON signature
    FOR EACH ROW EXECUTE FUNCTION signature_count_journal();
