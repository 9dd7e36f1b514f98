-- The minimal certificate record of the foundation step; the full register model (standards,
-- bodies, history, duplicates) arrives with the register issue as further migrations.

CREATE SEQUENCE certificate.certificate_number_seq START 1;

CREATE TABLE certificate.certificates (
    number               text        PRIMARY KEY,
    holder_personal_code text        NOT NULL CHECK (holder_personal_code ~ '^[1-6][0-9]{10}$'),
    holder_name          text        NOT NULL CHECK (length(holder_name) BETWEEN 1 AND 200),
    standard_name        text        NOT NULL CHECK (length(standard_name) BETWEEN 1 AND 300),
    level                smallint    NOT NULL CHECK (level BETWEEN 1 AND 8),
    awarding_body_id     text        NOT NULL CHECK (awarding_body_id ~ '^[0-9]{8}$'),
    valid_from           date        NOT NULL,
    valid_until          date        CHECK (valid_until IS NULL OR valid_until >= valid_from),
    status               text        NOT NULL DEFAULT 'valid'
                                     CHECK (status IN ('valid', 'expired', 'invalidated', 'annulled')),
    issued_at            timestamptz NOT NULL DEFAULT now(),
    issued_by            text        NOT NULL
);

CREATE INDEX certificates_holder ON certificate.certificates (holder_personal_code);

-- A create request repeated with the same Idempotency-Key returns the first answer.
CREATE TABLE certificate.idempotency_keys (
    caller        text        NOT NULL,
    key           text        NOT NULL,
    request_hash  text        NOT NULL,
    response_body jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);
