-- Awarding bodies' home pages call the API as clients of their body: an id and a secret (only its
-- SHA-256 is kept: the secret is 256 random bits, so a fast hash is enough), scopes, the browser
-- origins allowed to call the public endpoints, and a rate limit. Revoked clients stay for the record.

CREATE TABLE gateway.api_clients (
    client_id             text        PRIMARY KEY CHECK (client_id ~ '^[0-9]{8}-[0-9a-f]{8}$'),
    body_id               text        NOT NULL CHECK (body_id ~ '^[0-9]{8}$'),
    name                  text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    secret_hash           text        NOT NULL,
    scopes                text[]      NOT NULL,
    allowed_origins       text[]      NOT NULL DEFAULT '{}',
    rate_limit_per_minute integer     NOT NULL CHECK (rate_limit_per_minute BETWEEN 1 AND 100000),
    created_by            text        NOT NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    secret_rotated_by     text,
    secret_rotated_at     timestamptz,
    revoked_by            text,
    revoked_at            timestamptz
);

CREATE INDEX api_clients_of_body ON gateway.api_clients (body_id);
