-- The register's first step beyond recording: the holder's publication consent, status changes with
-- reasons, a folded name for search, and the history of every change.

-- Lower case and Estonian (and neighbouring) letters with diacritics as their base letter, so that
-- "Õun", "õun", "oun" and "OUN" find each other. Upper-case letters are listed too: lower() leaves
-- them alone under the C collation.
CREATE FUNCTION certificate.fold_name(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN translate(lower($1),
                     'õäöüšžàáâãåèéêëìíîïòóôøùúûýÿçñāēīūģķļņčÕÄÖÜŠŽÀÁÂÃÅÈÉÊËÌÍÎÏÒÓÔØÙÚÛÝŸÇÑĀĒĪŪĢĶĻŅČ',
                     'oaouszaaaaaeeeeiiiioooouuuyycnaeiugklncoaouszaaaaaeeeeiiiioooouuuyycnaeiugklnc');

ALTER TABLE certificate.certificates
    ADD COLUMN published          boolean     NOT NULL DEFAULT false,
    ADD COLUMN status_reason      text        CHECK (length(status_reason) <= 1000),
    ADD COLUMN status_changed_at  timestamptz,
    ADD COLUMN holder_name_folded text        GENERATED ALWAYS AS (certificate.fold_name(holder_name)) STORED;

-- Published certificates in number order: the public register's listing and its keyset.
CREATE INDEX certificates_published ON certificate.certificates (number) WHERE published;
-- The nightly-style expiry job looks for valid certificates past their end.
CREATE INDEX certificates_due_to_expire ON certificate.certificates (valid_until) WHERE status = 'valid';

-- Every change of a certificate: who, when, why, what it was and what it became.
CREATE TABLE certificate.certificate_history (
    id         bigserial   PRIMARY KEY,
    number     text        NOT NULL REFERENCES certificate.certificates (number),
    changed_at timestamptz NOT NULL DEFAULT now(),
    changed_by text        NOT NULL,
    change     text        NOT NULL CHECK (change IN ('issued', 'published', 'hidden', 'invalidated', 'annulled', 'expired')),
    reason     text,
    old_value  jsonb,
    new_value  jsonb
);

CREATE INDEX certificate_history_of ON certificate.certificate_history (number, id);

-- What was issued before this migration gets its "issued" entry.
INSERT INTO certificate.certificate_history (number, changed_at, changed_by, change, new_value)
SELECT number, issued_at, issued_by, 'issued', jsonb_build_object('status', status)
FROM certificate.certificates;
