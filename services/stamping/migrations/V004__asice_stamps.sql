-- ASiC-E stamps (issue 12): a stamp is a sealed PDF (PAdES) or the PDF in an ASiC-E container
-- with an XAdES signature. An uploaded container is found by the PDF inside it, so every stamp
-- also keeps the SHA-256 of the PDF it seals: for PAdES the file handed out itself (its sha256),
-- for ASiC-E the PDF inside the container.

ALTER TABLE stamping.stamps DROP CONSTRAINT stamps_format_check;
ALTER TABLE stamping.stamps ADD CONSTRAINT stamps_format_check CHECK (format IN ('pdf', 'asice'));

ALTER TABLE stamping.stamps ADD COLUMN document_sha256 text;
UPDATE stamping.stamps SET document_sha256 = sha256;
ALTER TABLE stamping.stamps
    ALTER COLUMN document_sha256 SET NOT NULL,
    ADD CONSTRAINT stamps_document_sha256_check CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
    ADD CONSTRAINT stamps_pades_document_check CHECK (format <> 'pdf' OR document_sha256 = sha256);

-- The verification of an upload looks live stamps up by it now (V003 indexed the file's SHA-256).
DROP INDEX stamping.stamps_by_sha256;
CREATE INDEX stamps_by_document ON stamping.stamps (document_sha256) WHERE withdrawn_at IS NULL;
