-- Stage I requests (issue 10): reprint, duplicate and question, each a state machine of
-- src/domain/transition_table.cpp. A request keeps what it was made with (kind data, the
-- qualification as the holder saw it) and its history has a row per accepted action.

CREATE TABLE workflow.requests (
    id                    uuid        PRIMARY KEY,
    -- Order of creation: the holder's list pages on it (newest first) without a timestamp cursor.
    seq                   bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    kind                  text        NOT NULL CHECK (kind IN ('reprint', 'duplicate', 'question')),
    state                 text        NOT NULL CHECK (state IN ('submitted', 'in_review', 'accepted',
                                          'approved', 'issue_refused', 'answered', 'rejected',
                                          'completed', 'withdrawn', 'closed')),
    certificate_number    text        NOT NULL CHECK (length(certificate_number) BETWEEN 1 AND 32),
    -- The holder as the certificate service identifies holders: the personal code.
    holder_personal_code  text        NOT NULL CHECK (holder_personal_code ~ '^[1-6][0-9]{10}$'),
    -- Whose inbox: an awarding body's registry code, or 'register' for the register keeper.
    route                 text        NOT NULL CHECK (route = 'register' OR route ~ '^[0-9]{8}$'),
    awarding_body_id      text        NOT NULL,  -- the issuing body, as the facts named it
    standard_code         text,
    qualification_name_et text        NOT NULL,
    qualification_name_en text,
    level                 smallint    NOT NULL,
    -- reprint: {delivery}; duplicate: {reason, corrected_fields, note}; question: {}.
    data                  jsonb       NOT NULL DEFAULT '{}',
    created_at            timestamptz NOT NULL,
    -- Last (re)submission: a question reopened by the holder's reply counts its deadline from it.
    submitted_at          timestamptz NOT NULL,
    answer_deadline       date        NOT NULL,
    updated_at            timestamptz NOT NULL,
    -- Bumped by every change: the ETag of the request.
    version               bigint      NOT NULL DEFAULT 1
);

CREATE INDEX requests_holder ON workflow.requests (holder_personal_code, seq DESC);
-- The inbox: open requests of a route, in the order of domain/inbox_order.hpp.
CREATE INDEX requests_inbox ON workflow.requests (route, submitted_at, id)
    WHERE state NOT IN ('rejected', 'completed', 'withdrawn', 'closed');
-- No second open duplicate request for one certificate, whatever races past the use case's lock.
CREATE UNIQUE INDEX requests_one_open_duplicate ON workflow.requests (certificate_number)
    WHERE kind = 'duplicate' AND state NOT IN ('rejected', 'completed', 'withdrawn', 'closed');

CREATE TABLE workflow.request_history (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id          uuid        NOT NULL REFERENCES workflow.requests (id),
    action              text        NOT NULL,  -- 'submit' for the creation, else an ActionKind name
    from_state          text,                  -- NULL for the creation
    to_state            text        NOT NULL,
    actor_kind          text        NOT NULL CHECK (actor_kind IN ('holder', 'clerk', 'register_keeper', 'system')),
    actor_personal_code text,                  -- personal data: never in an answer to the other side
    actor_body_id       text,
    reason              text,
    detail              text,                  -- the action's own datum: delivery outcome, new number
    at                  timestamptz NOT NULL
);

CREATE INDEX request_history_of ON workflow.request_history (request_id, id);

CREATE TABLE workflow.request_messages (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id          uuid        NOT NULL REFERENCES workflow.requests (id),
    author_kind         text        NOT NULL CHECK (author_kind IN ('holder', 'clerk', 'register_keeper')),
    author_personal_code text       NOT NULL,
    text                text        NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
    sent_at             timestamptz NOT NULL
);

CREATE INDEX request_messages_of ON workflow.request_messages (request_id, id);

-- A create repeated with the same Idempotency-Key returns the first answer (libs/db/idempotency_store.hpp).
CREATE TABLE workflow.idempotency_keys (
    caller          text        NOT NULL,
    key             text        NOT NULL,
    request_hash    text        NOT NULL,
    response_status integer,
    response_body   jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);
