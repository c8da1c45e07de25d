-- Count deltas per statement instead of per row: a batch of signatures appends one delta row per
-- (campaign, state, province, riding) it touches, not one per signature. Same totals, a fraction of the writes.
DROP TRIGGER signature_count_journal ON signature;
DROP FUNCTION signature_count_journal();

CREATE FUNCTION signature_count_journal_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO signature_count_delta (campaign_id, state, province, fed_code, delta)
    SELECT campaign_id, state, province, coalesce(fed_code, 'unknown'), count(*)
    FROM new_rows
    GROUP BY campaign_id, state, province, coalesce(fed_code, 'unknown');
    RETURN NULL;
END $$;

CREATE FUNCTION signature_count_journal_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO signature_count_delta (campaign_id, state, province, fed_code, delta)
    SELECT campaign_id, state, province, fed_code, sum(delta)
    FROM (
        SELECT o.campaign_id, o.state, o.province, coalesce(o.fed_code, 'unknown') AS fed_code, -1 AS delta
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.state, o.province, o.fed_code) IS DISTINCT FROM (n.state, n.province, n.fed_code)
        UNION ALL
        SELECT n.campaign_id, n.state, n.province, coalesce(n.fed_code, 'unknown'), 1
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.state, o.province, o.fed_code) IS DISTINCT FROM (n.state, n.province, n.fed_code)
    ) changes
    GROUP BY campaign_id, state, province, fed_code
    HAVING sum(delta) <> 0;
    RETURN NULL;
END $$;

CREATE TRIGGER signature_count_journal_insert
    AFTER INSERT ON signature
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION signature_count_journal_insert();

CREATE TRIGGER signature_count_journal_update
    AFTER UPDATE ON signature
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION signature_count_journal_update();
