-- Notices sent by e-mail (issue 11 items 4-5): each person's channel settings, and one delivery per
-- notice (or per digest) and channel, with every attempt made to hand it to the SMTP relay.

-- A person's choice of channels. No row: Estonian, the state portal on, no e-mail.
CREATE TABLE notification.person_settings (
    personal_code        text        PRIMARY KEY CHECK (personal_code ~ '^[1-6][0-9]{10}$'),
    language             text        NOT NULL DEFAULT 'et' CHECK (language IN ('et', 'en')),
    state_portal         boolean     NOT NULL DEFAULT true,
    email_enabled        boolean     NOT NULL DEFAULT false,
    -- the confirmed address: e-mail goes only here
    email                text,
    email_confirmed_at   timestamptz,
    -- an address waiting for its code; the code is kept as its SHA-256 only
    pending_email        text,
    pending_code_sha256  text,
    pending_expires_at   timestamptz,
    pending_attempts     integer     NOT NULL DEFAULT 0,
    updated_at           timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- One message to send. A notice gives at most one per channel (UNIQUE), so an event delivered again
-- sends nothing twice; a digest takes a person's held rows of its day in one transaction. The words
-- are rendered when the row is made, so every attempt sends the same message, Message-ID and all.
CREATE TABLE notification.deliveries (
    id               uuid        PRIMARY KEY,
    notice_id        uuid        REFERENCES notification.notices (id),
    -- held rows: the day whose digest takes them; a digest: the day it tells of
    digest_day       date,
    personal_code    text        NOT NULL,
    channel          text        NOT NULL CHECK (channel IN ('state_portal', 'email', 'confirmation')),
    address          text        NOT NULL,
    language         text        NOT NULL CHECK (language IN ('et', 'en')),
    subject          text        NOT NULL,
    body             text        NOT NULL,
    message_id       text        NOT NULL UNIQUE,
    -- held: waits for its digest; digested: sent inside digest_id; pending -> sent | dead
    state            text        NOT NULL CHECK (state IN ('held', 'digested', 'pending', 'sent', 'dead')),
    digest_id        uuid        REFERENCES notification.deliveries (id),
    attempts         integer     NOT NULL DEFAULT 0,
    -- attempts made before an admin's last retry: a row is dead after the maximum of failures since
    retry_from       integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_reply_code  integer,
    last_result      text,
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    sent_at          timestamptz,
    UNIQUE (notice_id, channel)
);

-- What the worker claims: the due pending rows, oldest due first.
CREATE INDEX deliveries_due ON notification.deliveries (next_attempt_at) WHERE state = 'pending';
-- What a digest collects.
CREATE INDEX deliveries_held ON notification.deliveries (digest_day, personal_code, created_at) WHERE state = 'held';
CREATE INDEX deliveries_dead ON notification.deliveries (created_at DESC, id DESC) WHERE state = 'dead';

CREATE TABLE notification.delivery_attempts (
    delivery_id  uuid        NOT NULL REFERENCES notification.deliveries (id),
    attempt      integer     NOT NULL,
    attempted_at timestamptz NOT NULL,
    result       text        NOT NULL,
    reply_code   integer,
    PRIMARY KEY (delivery_id, attempt)
);
