-- Ridings (federal electoral districts, 2023 Representation Order), their MPs, and what maps a postal code to them.
-- The rows come from versioned datasets (src/main/resources/data/ridings, or a newer directory named in config):
-- V11 loads the shipped one, RidingDatasets loads newer ones. Lookups are served from memory; these tables are the
-- source of truth the memory is rebuilt from.

-- Which version of each dataset the tables hold. 'ridings' covers riding, member_of_parliament, fsa_riding and the
-- boundaries file; 'postal-codes' covers postal_code_riding.
CREATE TABLE riding_dataset (
    kind       text        PRIMARY KEY CHECK (kind IN ('ridings', 'postal-codes')),
    version    text        NOT NULL CHECK (length(version) BETWEEN 1 AND 100),
    sha256     text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    row_count  integer     NOT NULL CHECK (row_count >= 0),
    source     text        NOT NULL,
    loaded_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE riding (
    fed_code  text NOT NULL PRIMARY KEY CHECK (fed_code ~ '^[0-9]{5}$'),
    name_en   text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    name_fr   text NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 200),
    province  text NOT NULL CHECK (province IN ('NL', 'PE', 'NS', 'NB', 'QC', 'ON', 'MB', 'SK', 'AB', 'BC', 'YT',
                                                'NT', 'NU'))
);

-- The sitting MP of a riding. No row means the seat is vacant.
CREATE TABLE member_of_parliament (
    fed_code            text    NOT NULL PRIMARY KEY REFERENCES riding (fed_code),
    name                text    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    party               text    NOT NULL CHECK (length(party) BETWEEN 1 AND 100),
    email               text    CHECK (length(email) <= 254),      -- null when no source had it
    photo_url           text    CHECK (photo_url ~ '^https://'),
    source              text    NOT NULL,                          -- which record the row comes from
    needs_verification  boolean NOT NULL DEFAULT false,           -- a single source reported a change
    note                text
);

-- Forward sortation area -> candidate ridings with the share of the FSA's area in each (sums to 1 per FSA).
CREATE TABLE fsa_riding (
    fsa       text             NOT NULL CHECK (fsa ~ '^[A-Z][0-9][A-Z]$'),
    fed_code  text             NOT NULL REFERENCES riding (fed_code),
    share     double precision NOT NULL CHECK (share > 0 AND share <= 1),
    method    text             NOT NULL,
    PRIMARY KEY (fsa, fed_code)
);

-- An imported full postal-code table (such as an organisation's licensed Statistics Canada file). Empty until one
-- is imported. A postal code with several rows spans several ridings; share is null when the file has none.
CREATE TABLE postal_code_riding (
    postal_code  text             NOT NULL CHECK (postal_code ~ '^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$'),
    fed_code     text             NOT NULL REFERENCES riding (fed_code),
    share        double precision CHECK (share > 0 AND share <= 1),
    PRIMARY KEY (postal_code, fed_code)
);

-- Answers of Open North's Represent API, so a postal code is asked once per TTL. fed_codes is the comma-separated
-- list of 2023 ridings, most likely first; empty when Represent knew no riding for the code.
CREATE TABLE represent_answer (
    postal_code  text        NOT NULL PRIMARY KEY CHECK (postal_code ~ '^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$'),
    fed_codes    text        NOT NULL CHECK (fed_codes ~ '^([0-9]{5}(,[0-9]{5})*)?$'),
    fetched_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    CHECK (expires_at > fetched_at)
);
CREATE INDEX represent_answer_fetched ON represent_answer (fetched_at);
