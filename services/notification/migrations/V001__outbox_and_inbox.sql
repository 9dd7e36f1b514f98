-- Every service publishes through a transactional outbox and consumes through an idempotent inbox
-- (libs/bus). The schema itself is created by the operator, owned by this service's own role.

CREATE TABLE notification.outbox (
    seq          bigserial PRIMARY KEY,
    id           uuid        NOT NULL UNIQUE,
    type         text        NOT NULL,
    subject      text        NOT NULL DEFAULT '',
    envelope     jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);

-- The relay only ever looks for what is not yet published.
CREATE INDEX outbox_unpublished ON notification.outbox (seq) WHERE published_at IS NULL;

CREATE TABLE notification.inbox (
    message_id  text        PRIMARY KEY,
    type        text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
