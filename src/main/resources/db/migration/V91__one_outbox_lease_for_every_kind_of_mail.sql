-- One outbox model for every kind of mail (ca.constituent.outbox): a claimed row is 'sending' with the time it was
-- claimed, and goes back to 'queued' when its lease runs out (the process died) or the process stops gracefully.
-- confirmation_mail used to claim by pushing next_attempt_at one lease ahead; it now has the same states as mp_email.
ALTER TABLE confirmation_mail DROP CONSTRAINT confirmation_mail_status_check;
ALTER TABLE confirmation_mail ADD CONSTRAINT confirmation_mail_status_check
    CHECK (status IN ('queued', 'sending', 'sent', 'failed'));
ALTER TABLE confirmation_mail ADD COLUMN claimed_at timestamptz;
CREATE INDEX confirmation_mail_stuck ON confirmation_mail (claimed_at) WHERE status = 'sending';

-- The MP letters' round-robin visits each inbox with due letters through this index (a skip scan), instead of
-- ranking every queued letter at each claim.
CREATE INDEX mp_email_due_by_inbox ON mp_email (to_email, next_attempt_at, id) WHERE status = 'queued';
