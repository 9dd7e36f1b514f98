-- In-app notices ("My notifications"). The text is rendered when read, in the reader's language,
-- from the kind and its parameters; so a notice reads right in Estonian and in English.

CREATE TABLE notification.notices (
    id                   uuid        PRIMARY KEY,
    holder_personal_code text        NOT NULL CHECK (holder_personal_code ~ '^[1-6][0-9]{10}$'),
    kind                 text        NOT NULL,
    parameters           jsonb       NOT NULL DEFAULT '{}'::jsonb,
    certificate_number   text,
    source_event_id      text        NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    read_at              timestamptz,
    -- one notice per kind per event, whatever happens on the bus
    UNIQUE (source_event_id, kind)
);

-- "My notifications", newest first, by keyset.
CREATE INDEX notices_by_holder ON notification.notices (holder_personal_code, created_at DESC, id DESC);
