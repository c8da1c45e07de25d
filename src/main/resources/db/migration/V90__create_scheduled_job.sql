-- When each periodic job last ran and on which instance, so a job runs once per period however many replicas
-- there are (OncePerPeriod). runs only grows: a run count per period shows a job was not done twice.
CREATE TABLE scheduled_job (
    name        text        PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 100),
    last_run_at timestamptz NOT NULL,
    last_run_by text        NOT NULL CHECK (length(last_run_by) BETWEEN 1 AND 200),
    runs        bigint      NOT NULL DEFAULT 1 CHECK (runs >= 1)
);
