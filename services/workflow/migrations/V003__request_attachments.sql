-- The files a holder attaches to a duplicate request for inaccurate data (issue 10): at most 5 of
-- at most 10 MB each, PDF, JPEG or PNG by their bytes (domain/attachment.hpp), kept here with
-- their SHA-256 so what a clerk downloads can be shown to be what the holder sent. The request's
-- row lock (FOR UPDATE) serialises two uploads to one request, so the count cannot pass 5.

CREATE TABLE workflow.request_attachments (
    id                      uuid        PRIMARY KEY,
    request_id              uuid        NOT NULL REFERENCES workflow.requests (id),
    file_name               text        NOT NULL CHECK (length(file_name) <= 150),  -- made safe; '' for none
    media_type              text        NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes              integer     NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    sha256                  text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content                 bytea       NOT NULL,
    uploaded_by_kind        text        NOT NULL CHECK (uploaded_by_kind IN ('holder', 'clerk', 'register_keeper')),
    -- Personal data: never in an answer to the other side.
    uploaded_by_personal_code text      NOT NULL,
    uploaded_at             timestamptz NOT NULL,
    CHECK (octet_length(content) = size_bytes)
);

CREATE INDEX request_attachments_of ON workflow.request_attachments (request_id, uploaded_at, id);
