-- A reprint the request-workflow service reports as carried out (workflow.reprint_completed.v1)
-- names its request; one request gives one entry, however often the news comes.
ALTER TABLE certificate.print_history
    ADD COLUMN request_id text UNIQUE CHECK (length(request_id) BETWEEN 1 AND 100);
