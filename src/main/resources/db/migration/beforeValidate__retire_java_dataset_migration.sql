-- Flyway callback, run before every validation. Version 11 used to be a Java migration (V11__Load_riding_dataset)
-- that loaded the shipped riding dataset by calling application code; the dataset is now loaded at run time only
-- (RidingDatasets), and the class is gone. Flyway refuses to start on a database whose history names a migration it
-- cannot find ("Detected applied migration not resolved locally: 11"), and a SQL file with version 11 would not match
-- the applied row either (type JDBC against SQL). Its own answer is `flyway repair`, which marks the missing
-- migration as deleted by appending a 'DELETE' row. This does exactly that, for version 11 only, once per database:
-- nothing else in the history is touched, and every other check of validation stays on. Never edit this file.
DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NULL THEN
        RETURN; -- a new database: nothing applied yet
    END IF;
    -- Two instances starting at once: the second waits here, then finds the row the first one added.
    PERFORM pg_advisory_xact_lock(hashtext('flyway: retire V11'));
    INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by,
                                       execution_time, success)
    SELECT (SELECT max(installed_rank) + 1 FROM flyway_schema_history), h.version, h.description, 'DELETE', h.script,
           h.checksum, current_user, 0, true
    FROM flyway_schema_history h
    WHERE h.version = '11' AND h.type = 'JDBC' AND h.script = 'db.migration.V11__Load_riding_dataset' AND h.success
      AND NOT EXISTS (SELECT 1 FROM flyway_schema_history d WHERE d.version = '11' AND d.type = 'DELETE');
END
$$;
