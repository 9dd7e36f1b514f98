-- tests/bench/generate_requests.sql: :count synthetic open requests routed to body 80012345 and
-- :count / 2 of another body (80054321), for tests/bench/requests-inbox.sh. Run as kutse_workflow.
--
-- Kinds in turn reprint, duplicate, question; states per kind as the transition table allows an
-- open request to be (a question may also be answered); one submitted every minute back from now
-- with the 30-day deadline, so about 57 % of the body's requests are overdue. Each has the history
-- row of its creation and a question its first message, as the create use case writes them.
-- Certificate numbers are distinct ("BENCH-" + 7 digits, never real): at most one open duplicate
-- per certificate (V002). A rerun replaces the rows of the last one, so the inbox holds :count again.
\set ON_ERROR_STOP on
BEGIN;
-- So are the questions the last run created through the API (their first message is :'message').
CREATE TEMPORARY TABLE bench_old ON COMMIT DROP AS
SELECT id FROM workflow.requests WHERE certificate_number LIKE 'BENCH-%'
UNION SELECT request_id FROM workflow.request_messages WHERE text = :'message';
DELETE FROM workflow.request_messages WHERE request_id IN (SELECT id FROM bench_old);
DELETE FROM workflow.request_history WHERE request_id IN (SELECT id FROM bench_old);
DELETE FROM workflow.requests WHERE id IN (SELECT id FROM bench_old);

CREATE TEMPORARY TABLE bench_requests ON COMMIT DROP AS
SELECT gen_random_uuid() AS id,
       (ARRAY['reprint', 'duplicate', 'question'])[1 + i % 3] AS kind,
       CASE WHEN i % 3 = 2 THEN (ARRAY['submitted', 'in_review', 'answered'])[1 + (i / 3) % 3]
            ELSE (ARRAY['submitted', 'in_review'])[1 + (i / 3) % 2] END AS state,
       'BENCH-' || lpad(i::text, 7, '0') AS certificate_number,
       '3' || lpad((8001010000 + i)::text, 10, '0') AS holder_personal_code,
       CASE WHEN i <= :count THEN '80012345' ELSE '80054321' END AS route,
       now() - make_interval(mins => CASE WHEN i <= :count THEN i ELSE i - :count END) AS submitted_at
  FROM generate_series(1, :count + :count / 2) AS i;

INSERT INTO workflow.requests (id, kind, state, certificate_number, holder_personal_code, route,
                               awarding_body_id, standard_code, qualification_name_et,
                               qualification_name_en, level, data, created_at, submitted_at,
                               answer_deadline, updated_at)
SELECT id, kind, state, certificate_number, holder_personal_code, route, route, 'KEEV-4',
       'Keevitaja, tase 4', 'Welder, level 4', 4,
       CASE kind WHEN 'reprint' THEN '{"delivery":{"method":"collect_in_person"}}'::jsonb
                 WHEN 'duplicate' THEN '{"reason":"lost","corrected_fields":{},"note":null}'::jsonb
                 ELSE '{}'::jsonb END,
       submitted_at, submitted_at, (submitted_at + interval '30 days')::date, submitted_at
  FROM bench_requests;

INSERT INTO workflow.request_history (request_id, action, from_state, to_state, actor_kind,
                                      actor_personal_code, at)
SELECT id, 'submit', NULL, 'submitted', 'holder', holder_personal_code, submitted_at FROM bench_requests;

INSERT INTO workflow.request_messages (request_id, author_kind, author_personal_code, text, sent_at)
SELECT id, 'holder', holder_personal_code, 'Kas tunnistust saab pikendada?', submitted_at
  FROM bench_requests WHERE kind = 'question';
COMMIT;
ANALYZE workflow.requests;
ANALYZE workflow.request_history;
ANALYZE workflow.request_messages;
