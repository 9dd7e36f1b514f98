-- The verification of an uploaded document finds its stamp by the file's SHA-256 (issue 12 item 5);
-- a withdrawn stamp is never found, so only the live ones are indexed. The code of the QR link is
-- already unique (and so indexed) since V002.

CREATE INDEX stamps_by_sha256 ON stamping.stamps (sha256) WHERE withdrawn_at IS NULL;
