-- Sign-in through the OpenID Connect provider (backend-for-frontend): the gateway keeps the login
-- in progress and the session; the browser holds only an opaque cookie.

-- A login between the redirect to the provider and its callback: single-use, short-lived.
CREATE TABLE gateway.login_attempts (
    state         text        PRIMARY KEY,
    nonce         text        NOT NULL,
    code_verifier text        NOT NULL,
    return_to     text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL
);

-- Sessions by the SHA-256 of the cookie's value: a copy of this table opens no session.
CREATE TABLE gateway.sessions (
    id_hash             text        PRIMARY KEY,
    personal_code       text        NOT NULL CHECK (personal_code ~ '^[1-6][0-9]{10}$'),
    given_name          text        NOT NULL,
    family_name         text        NOT NULL,
    csrf_token          text        NOT NULL,
    amr                 text[]      NOT NULL DEFAULT '{}',
    acr                 text        NOT NULL DEFAULT '',
    created_at          timestamptz NOT NULL DEFAULT now(),
    last_seen_at        timestamptz NOT NULL DEFAULT now(),
    idle_expires_at     timestamptz NOT NULL,
    absolute_expires_at timestamptz NOT NULL,
    ended_at            timestamptz
);

CREATE INDEX sessions_of_person ON gateway.sessions (personal_code) WHERE ended_at IS NULL;
