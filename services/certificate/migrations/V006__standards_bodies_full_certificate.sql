-- The register's reference data and the full certificate of domain.md §4: occupational standards,
-- awarding bodies and what each may award when, the certificate's remaining fields, duplicates,
-- historic entries and the print history.

-- An occupational standard gives one EstQF level. Specialisations, partial qualifications and
-- competences are small lists of {"code", "name_et", "name_en"} that change with the standard.
CREATE TABLE certificate.occupational_standards (
    code                   text     PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$'),
    name_et                text     NOT NULL CHECK (length(name_et) BETWEEN 1 AND 300),
    name_en                text     CHECK (length(name_en) BETWEEN 1 AND 300),
    estqf_level            smallint NOT NULL CHECK (estqf_level BETWEEN 1 AND 8),
    eqf_level              smallint NOT NULL CHECK (eqf_level BETWEEN 1 AND 8),
    -- Years a certificate of this standard is valid; NULL: open-ended.
    validity_years         smallint CHECK (validity_years BETWEEN 1 AND 20),
    specialisations        jsonb    NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(specialisations) = 'array'),
    partial_qualifications jsonb    NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(partial_qualifications) = 'array'),
    competences            jsonb    NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(competences) = 'array'),
    active                 boolean  NOT NULL DEFAULT true,
    updated_at             timestamptz NOT NULL DEFAULT now(),
    updated_by             text     NOT NULL DEFAULT current_user  -- a SQL load: the role that ran it
);

CREATE TABLE certificate.awarding_bodies (
    registry_code text    PRIMARY KEY CHECK (registry_code ~ '^[0-9]{8}$'),
    name          text    NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    email         text    CHECK (length(email) BETWEEN 3 AND 254),
    phone         text    CHECK (length(phone) BETWEEN 3 AND 40),
    address       text    CHECK (length(address) BETWEEN 1 AND 300),
    website       text    CHECK (length(website) BETWEEN 1 AND 300),
    active        boolean NOT NULL DEFAULT true,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    text    NOT NULL DEFAULT current_user
);

-- What a body may award and for which period (the standard fixes the level).
CREATE TABLE certificate.awarding_rights (
    registry_code text NOT NULL REFERENCES certificate.awarding_bodies (registry_code) ON DELETE CASCADE,
    standard_code text NOT NULL REFERENCES certificate.occupational_standards (code),
    valid_from    date NOT NULL,
    valid_until   date CHECK (valid_until IS NULL OR valid_until >= valid_from),
    PRIMARY KEY (registry_code, standard_code, valid_from)
);

CREATE INDEX awarding_rights_of_standard ON certificate.awarding_rights (standard_code);

-- Partial-qualification certificates are numbered from their own series.
CREATE SEQUENCE certificate.partial_certificate_number_seq START 1;

-- A number of a series: the prefix and at least six digits (K-000123, K-1234567). lpad alone
-- would cut a seven-digit value down to six.
CREATE FUNCTION certificate.series_number(prefix text, value bigint) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN prefix || lpad(value::text, greatest(6, length(value::text)), '0');

ALTER TABLE certificate.certificates
    ADD COLUMN certificate_type      text     NOT NULL DEFAULT 'certificate'
        CHECK (certificate_type IN ('certificate', 'partial_qualification', 'initial_qualification')),
    -- NULL only for historic entries whose standard is not in the reference data.
    ADD COLUMN standard_code         text     REFERENCES certificate.occupational_standards (code),
    ADD COLUMN eqf_level             smallint CHECK (eqf_level BETWEEN 1 AND 8),
    ADD COLUMN specialisation        text     CHECK (length(specialisation) BETWEEN 1 AND 300),
    ADD COLUMN partial_qualification text     CHECK (length(partial_qualification) BETWEEN 1 AND 300),
    ADD COLUMN competences           jsonb    NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(competences) = 'array'),
    ADD COLUMN decision_date         date,
    ADD COLUMN decision_number       text     CHECK (length(decision_number) BETWEEN 1 AND 50),
    ADD COLUMN issue_date            date,
    ADD COLUMN language              text     NOT NULL DEFAULT 'et' CHECK (language IN ('et', 'en', 'ru')),
    ADD COLUMN origin                text     NOT NULL DEFAULT 'issued'
        CHECK (origin IN ('issued', 'imported', 'duplicate')),
    -- Historic entries keep their old number and the level as the old 5-level scale wrote it.
    ADD COLUMN historic_level        text     CHECK (historic_level IN ('I', 'II', 'III', 'IV', 'V')),
    ADD COLUMN duplicate_of          text     REFERENCES certificate.certificates (number),
    ADD COLUMN duplicate_reason      text     CHECK (duplicate_reason IN ('lost', 'new_name', 'inaccurate_data')),
    ADD COLUMN corrected_fields      jsonb    CHECK (jsonb_typeof(corrected_fields) = 'object'),
    ADD COLUMN replaced_by           text     REFERENCES certificate.certificates (number),
    -- The workflow request whose approval issued this duplicate: one request, one duplicate.
    ADD COLUMN duplicate_request_id  text     UNIQUE CHECK (length(duplicate_request_id) BETWEEN 1 AND 100),
    ADD CONSTRAINT duplicate_has_original CHECK ((origin = 'duplicate') = (duplicate_of IS NOT NULL)),
    ADD CONSTRAINT duplicate_has_reason CHECK ((duplicate_of IS NULL) = (duplicate_reason IS NULL)),
    ADD CONSTRAINT partial_names_its_part CHECK (
        (certificate_type = 'partial_qualification') = (partial_qualification IS NOT NULL));

UPDATE certificate.certificates SET issue_date = (issued_at AT TIME ZONE 'UTC')::date WHERE issue_date IS NULL;
ALTER TABLE certificate.certificates ALTER COLUMN issue_date SET NOT NULL,
                                     ALTER COLUMN issue_date SET DEFAULT current_date;

CREATE INDEX certificates_duplicate_of ON certificate.certificates (duplicate_of) WHERE duplicate_of IS NOT NULL;

ALTER TABLE certificate.certificate_history DROP CONSTRAINT certificate_history_change_check;
ALTER TABLE certificate.certificate_history ADD CONSTRAINT certificate_history_change_check CHECK (
    change IN ('issued', 'imported', 'duplicate_issued', 'replaced', 'published', 'hidden', 'invalidated',
               'annulled', 'expired', 'printed'));

-- Every printed paper of a certificate: the first print, reprints and duplicates.
CREATE TABLE certificate.print_history (
    id         bigserial   PRIMARY KEY,
    number     text        NOT NULL REFERENCES certificate.certificates (number),
    printed_at timestamptz NOT NULL DEFAULT now(),
    printed_by text        NOT NULL,
    reason     text        NOT NULL CHECK (reason IN ('first_print', 'reprint', 'duplicate')),
    delivery   text        NOT NULL CHECK (delivery IN ('in_person', 'post')),
    note       text        CHECK (length(note) <= 1000)
);

CREATE INDEX print_history_of ON certificate.print_history (number, id);

-- A clerk or admin reading one certificate with its history is a read of the holder's data too.
ALTER TABLE certificate.data_access_log DROP CONSTRAINT data_access_log_purpose_check;
ALTER TABLE certificate.data_access_log ADD CONSTRAINT data_access_log_purpose_check
    CHECK (purpose IN ('issuing', 'invalidation', 'annulment', 'viewing'));
