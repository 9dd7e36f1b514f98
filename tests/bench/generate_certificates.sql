-- tests/bench/generate_certificates.sql: :count synthetic certificates for benchmarks (psql -v count=1000000),
-- run as the certificate service's role. Numbers "G-" + 7 digits, their own series, so they never meet
-- real ones. Estonian names with diacritics, eight bodies, every status, about 70 % published.
-- Idempotent: an existing number is skipped.
INSERT INTO certificate.certificates (number, holder_personal_code, holder_name, standard_name, level,
                                      awarding_body_id, valid_from, valid_until, status, published, issued_by)
SELECT 'G-' || lpad(g::text, 7, '0'),
       (3 + g % 4)::text || lpad(((g::bigint * 7919) % 10000000000)::text, 10, '0'),
       given[1 + g % array_length(given, 1)] || ' ' || family[1 + (g / 31) % array_length(family, 1)],
       standard[1 + (g / 7) % array_length(standard, 1)] || ', tase ' || (1 + g % 8),
       1 + g % 8,
       (ARRAY['80012345', '80054321', '80011111', '80022222', '80033333', '80044444', '80066666', '80077777'])[1 + g % 8],
       DATE '1998-01-01' + (g % 10000),
       CASE WHEN g % 5 = 0 THEN NULL ELSE DATE '1998-01-01' + (g % 10000) + 1826 END,
       CASE WHEN g % 5 = 0 THEN 'valid'
            WHEN DATE '1998-01-01' + (g % 10000) + 1826 < current_date THEN
                 (ARRAY['expired', 'expired', 'expired', 'invalidated', 'annulled'])[1 + g % 5]
            ELSE 'valid' END,
       (g::bigint * 37 + g / 11) % 10 < 7,
       'generator'
FROM generate_series(1, :count) AS g,
     (SELECT ARRAY['Õie', 'Jüri', 'Mari', 'Kadri', 'Toomas', 'Anne', 'Mihkel', 'Ülle', 'Tõnu', 'Märt', 'Liis',
                   'Andres', 'Kätlin', 'Jaan', 'Piret', 'Ants', 'Siiri', 'Raivo', 'Ülo', 'Eha'] AS given,
             ARRAY['Šmidt', 'Õunapuu', 'Maasikas', 'Kask', 'Tamm', 'Saar', 'Sepp', 'Mägi', 'Kukk', 'Rebane',
                   'Ilves', 'Pärn', 'Kõiv', 'Lepik', 'Jõgi', 'Väli', 'Org', 'Raudsepp', 'Lõhmus', 'Männik',
                   'Žukov', 'Kuusk', 'Karu', 'Mölder', 'Põder', 'Hunt', 'Lill', 'Vaher', 'Kivi', 'Luik'] AS family,
             ARRAY['Keevitaja', 'Müürsepp', 'Ehitusjuht', 'Tarkvaraarendaja', 'Elektrik', 'Kokk', 'Raamatupidaja',
                   'Juuksur', 'Puusepp', 'Autotehnik'] AS standard) AS names
ON CONFLICT (number) DO NOTHING;

ANALYZE certificate.certificates;
