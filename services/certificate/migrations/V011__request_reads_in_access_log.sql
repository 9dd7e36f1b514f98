-- A clerk's or the register keeper's admin's read of a holder's request in the workflow service
-- (workflow.personal_data_read.v1) is a read of the holder's data: it enters the holder's log with
-- purpose 'request' and the request's id.

ALTER TABLE certificate.data_access_log ADD COLUMN request_id uuid;
ALTER TABLE certificate.data_access_log DROP CONSTRAINT data_access_log_purpose_check;
ALTER TABLE certificate.data_access_log ADD CONSTRAINT data_access_log_purpose_check
    CHECK (purpose IN ('issuing', 'invalidation', 'annulment', 'viewing', 'request'));
ALTER TABLE certificate.data_access_log ADD CONSTRAINT data_access_log_request_read
    CHECK ((purpose = 'request') = (request_id IS NOT NULL));
