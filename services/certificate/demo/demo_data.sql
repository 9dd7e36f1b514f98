-- Demo register for the local run command (README's demo people): occupational standards, three
-- awarding bodies with their rights, and certificates in every status: published and hidden, a
-- partial-qualification certificate, a duplicate with its replaced original, and an entry of the
-- old register on the 5-level scale. Idempotent: reference data is upserted, and a certificate
-- already present (same holder, standard, start and origin) is not inserted again. Each new issued
-- certificate is announced once through the outbox, as the service itself would do.

BEGIN;

INSERT INTO certificate.occupational_standards AS s (code, name_et, name_en, estqf_level, eqf_level, validity_years,
                                                     specialisations, partial_qualifications, competences, updated_by)
VALUES
    ('KEEV-3', 'Keevitaja, tase 3', 'Welder, level 3', 3, 3, 5, '[]', '[]',
     '[{"code": "K1", "name_et": "Keevitamine", "name_en": "Welding"}]', 'demo-data'),
    ('KEEV-4', 'Keevitaja, tase 4', 'Welder, level 4', 4, 4, 5,
     '[{"code": "MAG", "name_et": "MAG-keevitus", "name_en": "MAG welding"},
       {"code": "TIG", "name_et": "TIG-keevitus", "name_en": "TIG welding"}]',
     '[{"code": "OK-PLEKK", "name_et": "Plekkide keevitamine", "name_en": "Welding of plates"}]',
     '[{"code": "K1", "name_et": "Keevitamine", "name_en": "Welding"},
       {"code": "K2", "name_et": "Termiline lõikamine", "name_en": "Thermal cutting"}]', 'demo-data'),
    ('MUUR-4', 'Müürsepp, tase 4', 'Bricklayer, level 4', 4, 4, NULL, '[]', '[]',
     '[{"code": "K1", "name_et": "Müüritööd", "name_en": "Masonry"}]', 'demo-data'),
    ('EHJ-6', 'Ehitusjuht, tase 6', 'Construction manager, level 6', 6, 6, 5,
     '[{"code": "YLD", "name_et": "Üldehitus", "name_en": "General construction"}]', '[]', '[]', 'demo-data'),
    ('TARK-6', 'Tarkvaraarendaja, tase 6', 'Software developer, level 6', 6, 6, 5, '[]',
     '[{"code": "OK-TEST", "name_et": "Tarkvara testimine", "name_en": "Software testing"}]', '[]', 'demo-data'),
    ('KOKK-4', 'Kokk, tase 4', 'Cook, level 4', 4, 4, 5, '[]', '[]', '[]', 'demo-data')
ON CONFLICT (code) DO NOTHING;

INSERT INTO certificate.awarding_bodies (registry_code, name, email, phone, address, website, active, updated_by)
VALUES
    ('80012345', 'Eesti Tehnikakoolituse Liit', 'kutse@tehnikaliit.example.ee', '+372 600 1234',
     'Pärnu mnt 1, 10148 Tallinn', 'https://tehnikaliit.example.ee', true, 'demo-data'),
    ('80054321', 'Ehitusettevõtjate Kutseühing', 'info@ehituskutse.example.ee', '+372 600 4321',
     'Riia 15, 51010 Tartu', NULL, true, 'demo-data'),
    ('80077777', 'Toitlustajate Ühing', NULL, NULL, NULL, NULL, false, 'demo-data')
ON CONFLICT (registry_code) DO NOTHING;

INSERT INTO certificate.awarding_rights (registry_code, standard_code, valid_from, valid_until)
VALUES
    ('80012345', 'KEEV-3', DATE '2010-01-01', NULL),
    ('80012345', 'KEEV-4', DATE '2010-01-01', NULL),
    ('80012345', 'TARK-6', DATE '2020-01-01', DATE '2030-12-31'),
    ('80054321', 'MUUR-4', DATE '2012-01-01', NULL),
    ('80054321', 'EHJ-6', DATE '2015-01-01', NULL),
    ('80077777', 'KOKK-4', DATE '2015-01-01', DATE '2024-12-31')
ON CONFLICT DO NOTHING;

-- The certificates. `demo_key` ties a duplicate to its original within this file.
CREATE TEMPORARY TABLE demo_certificates ON COMMIT DROP AS
SELECT * FROM (VALUES
    ('oie-keev4',  NULL::text,  'certificate',           '49102030219', 'Õie Šmidt',     'KEEV-4', 'MAG-keevitus', NULL::text,
     '["Keevitamine", "Termiline lõikamine"]', '80012345', DATE '2022-02-20', '22-1/4', DATE '2022-03-01', DATE '2027-02-28', 'valid',       NULL::text, true,  'issued',   NULL::text, NULL::text,  NULL::text),
    ('oie-keev3',  NULL,        'certificate',           '49102030219', 'Õie Šmidt',     'KEEV-3', NULL,           NULL,
     '[]',                                     '80012345', DATE '2015-05-10', '15-1/9', DATE '2015-05-15', DATE '2020-05-14', 'expired',     NULL,       false, 'issued',   NULL,       NULL,        NULL),
    ('jyri-ehj6',  NULL,        'certificate',           '36805280109', 'Jüri Õunapuu',  'EHJ-6',  'Üldehitus',    NULL,
     '[]',                                     '80054321', DATE '2021-08-25', 'E-2021/31', DATE '2021-09-01', DATE '2026-08-31', 'expired', NULL,       true,  'issued',   NULL,       NULL,        NULL),
    ('jyri-muur4', NULL,        'certificate',           '36805280109', 'Jüri Õunapuu',  'MUUR-4', NULL,           NULL,
     '["Müüritööd"]',                          '80054321', DATE '2024-01-05', 'E-2024/02', DATE '2024-01-10', NULL,             'valid',       NULL,       true,  'issued',   NULL,       NULL,        NULL),
    ('jyri-muur4-dup', 'jyri-muur4', 'certificate',      '36805280109', 'Jüri Õunapuu',  'MUUR-4', NULL,           NULL,
     '["Müüritööd"]',                          '80054321', DATE '2024-01-05', 'E-2024/02', DATE '2024-01-10', NULL,             'valid',       NULL,       true,  'duplicate', 'lost',    NULL,        NULL),
    ('jyri-1998',  NULL,        'certificate',           '36805280109', 'Jüri Õunapuu',  NULL,     NULL,           NULL,
     '[]',                                     '80054321', NULL,              NULL,        DATE '1998-06-01', DATE '2003-05-31', 'expired',     NULL,       false, 'imported', NULL,       NULL,        'III'),
    ('mari-tark6', NULL,        'certificate',           '60001019906', 'Mari Maasikas', 'TARK-6', NULL,           NULL,
     '[]',                                     '80012345', DATE '2025-05-20', 'T-25/7',  DATE '2025-06-01', DATE '2030-05-31', 'valid',       NULL,       false, 'issued',   NULL,       NULL,        NULL),
    ('mari-test',  NULL,        'partial_qualification', '60001019906', 'Mari Maasikas', 'TARK-6', NULL,           'Tarkvara testimine',
     '[]',                                     '80012345', DATE '2024-05-20', 'T-24/3',  DATE '2024-06-01', DATE '2029-05-31', 'valid',       NULL,       true,  'issued',   NULL,       NULL,        NULL),
    ('mihkel-kokk4', NULL,      'certificate',           '50101010620', 'Mihkel Uus',    'KOKK-4', NULL,           NULL,
     '[]',                                     '80077777', DATE '2023-03-01', 'K-23/1',  DATE '2023-03-10', DATE '2028-03-09', 'invalidated', 'Kutseeksami tulemus tühistati.', true, 'issued', NULL, NULL,   NULL),
    ('mihkel-keev3', NULL,      'certificate',           '50101010620', 'Mihkel Uus',    'KEEV-3', NULL,           NULL,
     '[]',                                     '80012345', DATE '2024-09-01', '24-1/12', DATE '2024-09-05', DATE '2029-09-04', 'annulled',    'Kanti registrisse ekslikult.',   false, 'issued', NULL, NULL,  NULL)
) AS d (demo_key, original_key, certificate_type, holder_personal_code, holder_name, standard_code, specialisation,
        partial_qualification, competences, awarding_body_id, decision_date, decision_number, valid_from, valid_until,
        status, status_reason, published, origin, duplicate_reason, corrected_fields, historic_level);

CREATE TEMPORARY TABLE demo_numbers (demo_key text PRIMARY KEY, number text NOT NULL, inserted boolean NOT NULL)
    ON COMMIT DROP;

-- Certificates already present keep their numbers.
INSERT INTO demo_numbers
SELECT d.demo_key, c.number, false
FROM demo_certificates d
JOIN certificate.certificates c
  ON c.holder_personal_code = d.holder_personal_code
 AND c.valid_from = d.valid_from
 AND c.origin = d.origin
 AND c.certificate_type = d.certificate_type
 AND c.standard_code IS NOT DISTINCT FROM d.standard_code;

-- Originals before duplicates, so that a duplicate's number follows its original's.
INSERT INTO demo_numbers
SELECT o.demo_key,
       CASE WHEN o.origin = 'imported' THEN '0' || lpad((12345 + o.position)::text, 5, '0')
            WHEN o.certificate_type = 'partial_qualification'
            THEN certificate.series_number('OK-', nextval('certificate.partial_certificate_number_seq'))
            ELSE certificate.series_number('K-', nextval('certificate.certificate_number_seq')) END,
       true
FROM (SELECT d.*, row_number() OVER (ORDER BY d.original_key NULLS FIRST, d.valid_from) AS position
      FROM demo_certificates d
      WHERE d.demo_key NOT IN (SELECT demo_key FROM demo_numbers)
      ORDER BY position) AS o;

INSERT INTO certificate.certificates (
    number, certificate_type, holder_personal_code, holder_name, standard_code, standard_name, level, eqf_level,
    specialisation, partial_qualification, competences, awarding_body_id, decision_date, decision_number,
    issue_date, valid_from, valid_until, language, status, status_reason, status_changed_at, published, origin,
    historic_level, duplicate_of, duplicate_reason, corrected_fields, issued_by)
SELECT n.number, d.certificate_type, d.holder_personal_code, d.holder_name, d.standard_code,
       COALESCE(s.name_et, 'Müürsepp'), COALESCE(s.estqf_level, 4), s.eqf_level, d.specialisation,
       d.partial_qualification, d.competences::jsonb, d.awarding_body_id, d.decision_date, d.decision_number,
       CASE WHEN d.origin = 'duplicate' THEN current_date ELSE d.valid_from END, d.valid_from, d.valid_until, 'et',
       d.status, d.status_reason, CASE WHEN d.status IN ('invalidated', 'annulled') THEN now() END, d.published,
       d.origin, d.historic_level, o.number, d.duplicate_reason,
       CASE WHEN d.origin = 'duplicate' THEN COALESCE(d.corrected_fields::jsonb, '{}'::jsonb) END, 'demo-data'
FROM demo_certificates d
JOIN demo_numbers n ON n.demo_key = d.demo_key AND n.inserted
LEFT JOIN certificate.occupational_standards s ON s.code = d.standard_code
LEFT JOIN demo_numbers o ON o.demo_key = d.original_key
ORDER BY d.original_key NULLS FIRST;

-- The original of a duplicate is marked replaced and leaves the public register.
UPDATE certificate.certificates c
SET replaced_by = dup.number, published = false
FROM demo_certificates d
JOIN demo_numbers dup ON dup.demo_key = d.demo_key
JOIN demo_numbers orig ON orig.demo_key = d.original_key
WHERE c.number = orig.number AND c.replaced_by IS NULL;

INSERT INTO certificate.certificate_history (number, changed_by, change, reason, new_value)
SELECT n.number, 'demo-data',
       CASE d.origin WHEN 'imported' THEN 'imported' WHEN 'duplicate' THEN 'duplicate_issued' ELSE 'issued' END,
       d.status_reason, jsonb_build_object('status', d.status)
FROM demo_certificates d JOIN demo_numbers n ON n.demo_key = d.demo_key AND n.inserted;

-- Issued certificates and duplicates are announced; the old register's entries are not.
WITH announced AS (
    SELECT gen_random_uuid() AS event_id, c.*
    FROM demo_numbers n JOIN certificate.certificates c ON c.number = n.number
    WHERE n.inserted AND c.origin <> 'imported'
)
INSERT INTO certificate.outbox (id, type, subject, envelope)
SELECT c.event_id, 'certificate.issued.v1', c.number,
       jsonb_build_object(
           'specversion', '1.0',
           'id', c.event_id::text,
           'source', '/kutse/certificate',
           'type', 'certificate.issued.v1',
           'subject', c.number,
           'time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'datacontenttype', 'application/json',
           'dataschema', 'https://kutse.ee/proto-docs/events/certificate.issued.v1.schema.json',
           'correlationid', 'demo-data',
           'data', jsonb_build_object(
               'certificate_number', c.number,
               'certificate_type', c.certificate_type,
               'holder_personal_code', c.holder_personal_code,
               'holder_name', c.holder_name,
               'standard_code', c.standard_code,
               'standard_name', c.standard_name,
               'level', c.level,
               'awarding_body_id', c.awarding_body_id,
               'valid_from', c.valid_from::text,
               'valid_until', c.valid_until::text,
               'issued_at', to_char(c.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'duplicate_of', c.duplicate_of,
               'duplicate_reason', c.duplicate_reason))
FROM announced c;

COMMIT;
