-- The dashboard's recent signatures page reads newest first by keyset (created_at, id), never by OFFSET.
CREATE INDEX signature_newest ON signature (campaign_id, created_at DESC, id DESC);
