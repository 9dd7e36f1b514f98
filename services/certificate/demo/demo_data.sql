-- Demo register for the local run command: a few certificates of the demo people (README), from two
-- awarding bodies, published and hidden. Idempotent: a certificate already present (same holder, standard and start)
-- is not inserted again, and each new one is announced once through the outbox, as the service
-- itself would do.

WITH demo (holder_personal_code, holder_name, standard_name, level, awarding_body_id, valid_from, valid_until, status, published) AS (
    VALUES
        ('49102030219', 'Õie Šmidt',     'Keevitaja, tase 4',            4, '80012345', DATE '2022-03-01', DATE '2027-02-28', 'valid',   true),
        ('49102030219', 'Õie Šmidt',     'Keevitaja, tase 3',            3, '80012345', DATE '2015-05-15', DATE '2020-05-14', 'expired', false),
        ('36805280109', 'Jüri Õunapuu',  'Ehitusjuht, tase 6',           6, '80054321', DATE '2021-09-01', DATE '2026-08-31', 'expired', true),
        ('36805280109', 'Jüri Õunapuu',  'Müürsepp, tase 4',             4, '80054321', DATE '2024-01-10', NULL,             'valid',   true),
        ('60001019906', 'Mari Maasikas', 'Tarkvaraarendaja, tase 6',     6, '80012345', DATE '2025-06-01', DATE '2030-05-31', 'valid',   false)
),
inserted AS (
    INSERT INTO certificate.certificates (number, holder_personal_code, holder_name, standard_name, level,
                                          awarding_body_id, valid_from, valid_until, status, published, issued_by)
    SELECT 'K-' || lpad(nextval('certificate.certificate_number_seq')::text, 6, '0'),
           d.holder_personal_code, d.holder_name, d.standard_name, d.level, d.awarding_body_id,
           d.valid_from, d.valid_until, d.status, d.published, 'demo-data'
    FROM demo d
    WHERE NOT EXISTS (SELECT 1 FROM certificate.certificates c
                      WHERE c.holder_personal_code = d.holder_personal_code
                        AND c.standard_name = d.standard_name
                        AND c.valid_from = d.valid_from)
    ORDER BY d.valid_from
    RETURNING *
),
history AS (
    INSERT INTO certificate.certificate_history (number, changed_by, change, new_value)
    SELECT i.number, 'demo-data', 'issued', jsonb_build_object('status', i.status) FROM inserted i
),
events AS (
    SELECT gen_random_uuid() AS event_id, i.* FROM inserted i
)
INSERT INTO certificate.outbox (id, type, subject, envelope)
SELECT e.event_id, 'certificate.issued.v1', e.number,
       jsonb_build_object(
           'specversion', '1.0',
           'id', e.event_id::text,
           'source', '/kutse/certificate',
           'type', 'certificate.issued.v1',
           'subject', e.number,
           'time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'datacontenttype', 'application/json',
           'dataschema', 'https://kutse.ee/proto-docs/events/certificate.issued.v1.schema.json',
           'correlationid', 'demo-data',
           'data', jsonb_build_object(
               'certificate_number', e.number,
               'holder_personal_code', e.holder_personal_code,
               'holder_name', e.holder_name,
               'standard_name', e.standard_name,
               'level', e.level,
               'awarding_body_id', e.awarding_body_id,
               'valid_from', e.valid_from::text,
               'valid_until', e.valid_until::text,
               'issued_at', to_char(e.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
FROM events e;
