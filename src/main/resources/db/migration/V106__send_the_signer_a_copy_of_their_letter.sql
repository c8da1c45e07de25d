-- The signer's copy of their letter to the MP is a mail of its own, to the signer alone, instead of a Cc on the
-- MP's mail: the copy carries the signer's private links (see or erase their data, stop updates), which the MP must
-- never see. A copy is queued when its letter is sent, so it can say when; the outbox delivers it like any mail.
CREATE TABLE letter_copy (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mp_email_id     bigint      NOT NULL UNIQUE REFERENCES mp_email (id) ON DELETE CASCADE,
    status          text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_at      timestamptz,
    sent_at         timestamptz,
    last_error      text,
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX letter_copy_due ON letter_copy (next_attempt_at) WHERE status = 'queued';
CREATE INDEX letter_copy_stuck ON letter_copy (claimed_at) WHERE status = 'sending';

CREATE FUNCTION mp_email_queue_copy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO letter_copy (mp_email_id) VALUES (NEW.id) ON CONFLICT (mp_email_id) DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER mp_email_queue_copy AFTER UPDATE OF status ON mp_email
    FOR EACH ROW WHEN (NEW.status = 'sent' AND OLD.status <> 'sent' AND NEW.copy_to_signer)
    EXECUTE FUNCTION mp_email_queue_copy();
