-- Bulk invalidation or restoration of a search's whole result, run in the background a batch per transaction.
-- A worker claims the job row with FOR UPDATE SKIP LOCKED for one batch, so however many replicas run workers, one
-- batch of a job runs at a time and a crashed batch is simply rolled back and taken again.
CREATE TABLE moderation_job (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id    bigint      NOT NULL REFERENCES campaign (id),
    action         text        NOT NULL CHECK (action IN ('invalidate', 'restore')),
    reason         text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    filter         jsonb       NOT NULL,
    status         text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done')),
    total          integer     NOT NULL CHECK (total >= 0),
    scanned        integer     NOT NULL DEFAULT 0,
    changed        integer     NOT NULL DEFAULT 0,
    batches        integer     NOT NULL DEFAULT 0,
    cursor_at      timestamptz NOT NULL,
    cursor_id      uuid        NOT NULL,
    admin_user_id  bigint      REFERENCES admin_user (id),
    actor          text        NOT NULL,
    ip_hash        text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    CHECK ((status = 'done') = (finished_at IS NOT NULL))
);
CREATE INDEX moderation_job_open ON moderation_job (id) WHERE status <> 'done';
CREATE INDEX moderation_job_by_campaign ON moderation_job (campaign_id, id DESC);
