-- tests/bench/generate_certificates.sql: :count synthetic certificates for benchmarks (psql -v count=1000000),
-- run as the certificate service's role. Numbers "G-" + 7 digits, their own series, so they never meet
-- real ones. Estonian names with diacritics, eight bodies, 80 occupational standards of their own
-- ("bench-<name>-<level>", added here if missing), every status (with the day it changed), about 70 %
-- published. Idempotent: an existing number is skipped.

-- One announcement for the whole load instead of one per published row: each replica's public name
-- index loads anew (migrations/V007).
SET kutse.public_search_bulk = 'on';

INSERT INTO certificate.occupational_standards (code, name_et, estqf_level, eqf_level, validity_years, updated_by)
SELECT 'bench-' || code || '-' || level, name || ', tase ' || level, level, level, 5, 'generator'
FROM unnest(ARRAY['keevitaja', 'muursepp', 'ehitusjuht', 'tarkvaraarendaja', 'elektrik', 'kokk', 'raamatupidaja',
                  'juuksur', 'puusepp', 'autotehnik'],
            ARRAY['Keevitaja', 'Müürsepp', 'Ehitusjuht', 'Tarkvaraarendaja', 'Elektrik', 'Kokk', 'Raamatupidaja',
                  'Juuksur', 'Puusepp', 'Autotehnik']) AS standards(code, name),
     generate_series(1, 8) AS level
ON CONFLICT (code) DO NOTHING;

INSERT INTO certificate.certificates (number, holder_personal_code, holder_name, standard_code, standard_name, level,
                                      eqf_level, awarding_body_id, valid_from, valid_until, status,
                                      status_changed_at, published, issued_by)
SELECT number, holder_personal_code, holder_name, standard_code, standard_name, level, level, awarding_body_id,
       valid_from, valid_until, status,
       CASE status WHEN 'expired' THEN valid_until + 1
                   WHEN 'valid' THEN NULL
                   ELSE valid_from + 400 END::timestamptz,
       published, 'generator'
FROM (
  SELECT 'G-' || lpad(g::text, 7, '0') AS number,
         (3 + g % 4)::text || lpad(((g::bigint * 7919) % 10000000000)::text, 10, '0') AS holder_personal_code,
         given[1 + g % array_length(given, 1)] || ' ' || family[1 + (g / 31) % array_length(family, 1)] AS holder_name,
         'bench-' || code[1 + (g / 7) % array_length(code, 1)] || '-' || (1 + g % 8) AS standard_code,
         standard[1 + (g / 7) % array_length(standard, 1)] || ', tase ' || (1 + g % 8) AS standard_name,
         1 + g % 8 AS level,
         (ARRAY['80012345', '80054321', '80011111', '80022222', '80033333', '80044444', '80066666', '80077777'])[1 + g % 8]
           AS awarding_body_id,
         DATE '1998-01-01' + (g % 10000) AS valid_from,
         CASE WHEN g % 5 = 0 THEN NULL ELSE DATE '1998-01-01' + (g % 10000) + 1826 END AS valid_until,
         CASE WHEN g % 5 = 0 THEN 'valid'
              WHEN DATE '1998-01-01' + (g % 10000) + 1826 < current_date THEN
                   (ARRAY['expired', 'expired', 'expired', 'invalidated', 'annulled'])[1 + g % 5]
              ELSE 'valid' END AS status,
         (g::bigint * 37 + g / 11) % 10 < 7 AS published
  FROM generate_series(1, :count) AS g,
       (SELECT ARRAY['Õie', 'Jüri', 'Mari', 'Kadri', 'Toomas', 'Anne', 'Mihkel', 'Ülle', 'Tõnu', 'Märt', 'Liis',
                     'Andres', 'Kätlin', 'Jaan', 'Piret', 'Ants', 'Siiri', 'Raivo', 'Ülo', 'Eha'] AS given,
               ARRAY['Šmidt', 'Õunapuu', 'Maasikas', 'Kask', 'Tamm', 'Saar', 'Sepp', 'Mägi', 'Kukk', 'Rebane',
                     'Ilves', 'Pärn', 'Kõiv', 'Lepik', 'Jõgi', 'Väli', 'Org', 'Raudsepp', 'Lõhmus', 'Männik',
                     'Žukov', 'Kuusk', 'Karu', 'Mölder', 'Põder', 'Hunt', 'Lill', 'Vaher', 'Kivi', 'Luik'] AS family,
               ARRAY['Keevitaja', 'Müürsepp', 'Ehitusjuht', 'Tarkvaraarendaja', 'Elektrik', 'Kokk', 'Raamatupidaja',
                     'Juuksur', 'Puusepp', 'Autotehnik'] AS standard,
               ARRAY['keevitaja', 'muursepp', 'ehitusjuht', 'tarkvaraarendaja', 'elektrik', 'kokk', 'raamatupidaja',
                     'juuksur', 'puusepp', 'autotehnik'] AS code) AS names
) AS generated
-- Rows of an older generator get the columns it did not fill.
ON CONFLICT (number) DO UPDATE SET standard_code = EXCLUDED.standard_code, eqf_level = EXCLUDED.eqf_level,
                                   status_changed_at = EXCLUDED.status_changed_at
  WHERE certificate.certificates.standard_code IS NULL;

DO $$
BEGIN
    PERFORM pg_notify('kutse_public_search', json_build_object(
        'version', nextval('certificate.public_search_version_seq'), 'reload', true)::text);
END
$$;
RESET kutse.public_search_bulk;

ANALYZE certificate.certificates;
