-- An organiser's upload (an MP list or a postal-code table), validated and stored until they confirm it after
-- reading its diff. Applying checks that the data it was compared with has not changed since.
CREATE TABLE riding_upload (
    id          uuid        PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('mps', 'postal-codes')),
    file_name   text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content     bytea       NOT NULL,
    based_on    text        NOT NULL,           -- the MP (or postal-code) version the diff was made against
    created_by  bigint      REFERENCES admin_user (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    applied_at  timestamptz
);
