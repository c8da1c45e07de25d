-- The outbox claims the oldest due mails first: ORDER BY next_attempt_at, id LIMIT n FOR UPDATE SKIP LOCKED. With
-- the due indexes on next_attempt_at alone, PostgreSQL could not read the first n rows in that order: planned on a
-- table whose statistics showed no queued mail (a quiet hour, or right after a restore), the claim read every due
-- row and sorted them all to keep n. Once intake outran the mails, each claim sorted the whole queue (174,000 rows,
-- 86 ms, spilling to disk, with ten million signatures stored), so the queue grew faster still. With id in the index
-- the claim reads n entries in order and stops, however long the queue.
CREATE INDEX confirmation_mail_due_in_order ON confirmation_mail (next_attempt_at, id) WHERE status = 'queued';
DROP INDEX confirmation_mail_due;
ALTER INDEX confirmation_mail_due_in_order RENAME TO confirmation_mail_due;

CREATE INDEX letter_copy_due_in_order ON letter_copy (next_attempt_at, id) WHERE status = 'queued';
DROP INDEX letter_copy_due;
ALTER INDEX letter_copy_due_in_order RENAME TO letter_copy_due;
