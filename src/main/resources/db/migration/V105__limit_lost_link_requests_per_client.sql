-- "Send me my link again" requests, per campaign and client address (its keyed hash), so the same silent limits as
-- signing hold for them across replicas. Rows older than a day are deleted by the retention job.
CREATE TABLE lost_link_request (
    campaign_id bigint      NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    ip_hash     text        NOT NULL CHECK (length(ip_hash) BETWEEN 1 AND 64),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lost_link_request_by_ip ON lost_link_request (campaign_id, ip_hash, created_at);
