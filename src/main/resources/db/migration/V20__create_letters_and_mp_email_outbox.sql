-- Letters to MPs: a template per campaign and language (organisers edit them later), and the outbox of letters.

ALTER TABLE campaign ADD COLUMN sender_name text;
UPDATE campaign SET sender_name = 'End ICE Complicity' WHERE slug = 'end-ice-complicity';
UPDATE campaign SET sender_name = left(title_en, 60) WHERE sender_name IS NULL;
ALTER TABLE campaign ALTER COLUMN sender_name SET NOT NULL;
ALTER TABLE campaign ADD CONSTRAINT campaign_sender_name_check
    CHECK (length(sender_name) BETWEEN 1 AND 60 AND sender_name !~ '[\r\n"<>]');

CREATE TABLE letter_template (
    campaign_id bigint      NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    language    text        NOT NULL CHECK (language IN ('en', 'fr')),
    subjects    text        NOT NULL CHECK (length(subjects) BETWEEN 1 AND 4000), -- one subject line per line
    body        text        NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),    -- a Qute template, plain text
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, language)
);

-- One row per letter: the letter itself and its place in the outbox. At most one per signature.
CREATE TABLE mp_email (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    signature_id    uuid        NOT NULL UNIQUE REFERENCES signature (id) ON DELETE CASCADE,
    campaign_id     bigint      NOT NULL REFERENCES campaign (id),
    fed_code        text        NOT NULL REFERENCES riding (fed_code),
    language        text        NOT NULL CHECK (language IN ('en', 'fr')),
    to_name         text        NOT NULL,
    to_email        text        NOT NULL,
    from_name       text        NOT NULL CHECK (from_name !~ '[\r\n]'),
    reply_to        text        NOT NULL CHECK (reply_to !~ '[\r\n]'),
    copy_to_signer  boolean     NOT NULL DEFAULT false,
    subject         text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 200 AND subject !~ '[\r\n]'),
    body            text        NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    status          text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_at      timestamptz,
    sent_at         timestamptz,
    last_error      text,
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX mp_email_due ON mp_email (next_attempt_at) WHERE status = 'queued';
CREATE INDEX mp_email_stuck ON mp_email (claimed_at) WHERE status = 'sending';
CREATE INDEX mp_email_by_inbox ON mp_email (to_email, coalesce(sent_at, claimed_at)) WHERE status IN ('sending', 'sent');
