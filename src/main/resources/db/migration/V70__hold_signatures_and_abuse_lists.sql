-- Abuse controls. A signature over a limit, on a block list, caught by the honeypot or replaying a proof of work is
-- stored 'held': the signer gets the normal answer, no mail goes out, and no public count includes it.
ALTER TABLE signature DROP CONSTRAINT signature_state_check;
ALTER TABLE signature DROP CONSTRAINT signature_check;
ALTER TABLE signature ADD CONSTRAINT signature_state_check
    CHECK (state IN ('pending', 'confirmed', 'fraudulent', 'invalidated', 'held'));
ALTER TABLE signature ADD CONSTRAINT signature_confirmed_at_check
    CHECK ((state = 'confirmed') = (confirmed_at IS NOT NULL) OR state IN ('fraudulent', 'invalidated'));
ALTER TABLE signature ADD COLUMN held_reason text
    CHECK (held_reason IN ('blocked', 'honeypot', 'pow-replay', 'ip-burst', 'ip-sustained', 'domain',
                           'mail-budget'));
ALTER TABLE signature ADD CONSTRAINT signature_held_has_reason CHECK ((state = 'held') = (held_reason IS NOT NULL));

-- The limits count recent signatures per client address and per email domain: index probes, never scans.
CREATE INDEX signature_by_ip ON signature (campaign_id, ip_hash, created_at) WHERE ip_hash IS NOT NULL;
CREATE INDEX signature_by_domain ON signature ((split_part(canonical_email, '@', 2)), created_at);

-- The confirmation-mail budget is per mailbox (a keyed hash of the address without +tag and provider dots).
ALTER TABLE confirmation_mail ADD COLUMN mailbox text;
CREATE INDEX confirmation_mail_by_mailbox ON confirmation_mail (mailbox, created_at) WHERE mailbox IS NOT NULL;

-- Confirmation mails queued by intake per clock hour. Each writer adds to its own shard row, so writers never wait
-- on one another; the budget is the sum of the hour's shards.
CREATE TABLE confirmation_mail_budget (
    hour  timestamptz NOT NULL,
    shard integer     NOT NULL,
    n     integer     NOT NULL,
    PRIMARY KEY (hour, shard)
);

-- Proof-of-work challenges already used: each is accepted once, until it expires.
CREATE TABLE proof_of_work_spent (
    challenge  text        PRIMARY KEY,
    expires_at timestamptz NOT NULL
);

-- Block and allow lists edited at run time (the configured entries are not stored).
CREATE TABLE abuse_rule (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    list       text        NOT NULL CHECK (list IN ('block', 'allow')),
    kind       text        NOT NULL CHECK (kind IN ('cidr', 'domain', 'address')),
    value      text        NOT NULL CHECK (length(value) BETWEEN 1 AND 254),
    note       text        CHECK (length(note) <= 500),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (list, kind, value)
);
