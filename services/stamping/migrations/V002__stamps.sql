-- Every digital stamp the service made (issue 12): which certificate, whose, in what form and
-- level, the SHA-256 of the file handed out, when, and the verification code its QR link carries.
-- The holder may withdraw the link later (withdrawn_at); the row stays.

CREATE TABLE stamping.stamps (
    id                    uuid        PRIMARY KEY,
    -- Order of creation: the holder's list pages on it (newest first).
    seq                   bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    -- 144 random bits as base64url: unguessable, so the link alone shows the stamp.
    verification_code     text        NOT NULL UNIQUE CHECK (verification_code ~ '^[A-Za-z0-9_-]{22,64}$'),
    certificate_number    text        NOT NULL CHECK (length(certificate_number) BETWEEN 1 AND 32),
    holder_personal_code  text        NOT NULL CHECK (holder_personal_code ~ '^[1-6][0-9]{10}$'),
    format                text        NOT NULL CHECK (format IN ('pdf')),
    language              text        NOT NULL CHECK (language IN ('et', 'en')),
    level                 text        NOT NULL CHECK (level IN ('B-B')),
    sha256                text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    created_at            timestamptz NOT NULL,
    withdrawn_at          timestamptz CHECK (withdrawn_at IS NULL OR withdrawn_at >= created_at)
);

CREATE INDEX stamps_by_holder ON stamping.stamps (holder_personal_code, seq DESC);
