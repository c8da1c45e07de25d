-- Organisers' dashboard: accounts, server-side sessions, sign-in throttling and the audit log.
-- No account is seeded: the first one is created with `java -jar quarkus-run.jar admin create` (see README).

CREATE TABLE admin_user (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email          text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
    display_name   text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    role           text        NOT NULL CHECK (role IN ('admin', 'viewer')),
    password_hash  text        NOT NULL CHECK (password_hash LIKE '$2%'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_login_at  timestamptz,
    disabled_at    timestamptz,
    UNIQUE (email)
);

-- A signed-in browser. The cookie carries a random token; only its SHA-256 is stored. A session ends on sign-out,
-- after 30 minutes idle or 12 hours in all, when its account is disabled or its password reset.
CREATE TABLE admin_session (
    token_hash     text        PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    admin_user_id  bigint      NOT NULL REFERENCES admin_user (id) ON DELETE CASCADE,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX admin_session_by_user ON admin_session (admin_user_id);

-- Failed sign-ins per account (keyed hash of the address, known or not) and per IP (keyed hash).
CREATE TABLE admin_sign_in_failure (
    subject        text        PRIMARY KEY,
    failures       integer     NOT NULL CHECK (failures >= 0),
    first_at       timestamptz NOT NULL,
    locked_until   timestamptz
);

-- Who did what, when: sign-ins, sign-outs, failed sign-ins, every write and export of the dashboard.
CREATE TABLE admin_audit (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT now(),
    admin_user_id  bigint      REFERENCES admin_user (id) ON DELETE SET NULL,
    actor          text        NOT NULL CHECK (length(actor) <= 254), -- the account's address, or '-' when unknown
    action         text        NOT NULL CHECK (action ~ '^[a-z]+(-[a-z]+)*$'),
    target         text        CHECK (length(target) <= 300),
    row_count      integer     CHECK (row_count >= 0),
    ip_hash        text
);
CREATE INDEX admin_audit_newest ON admin_audit (at DESC, id DESC);
