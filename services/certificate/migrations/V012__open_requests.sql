-- "My certificates" shows each certificate's open requests (issue 10). The request-workflow
-- service owns requests; this is the register's copy, one row per request, fed by
-- request.submitted.v1 and request.status_changed.v1 (events/request_news_handler.hpp). A finished
-- request keeps its row with is_open false, and changed_at (the time of the news its state is from)
-- keeps older news that arrives late from overwriting newer. No personal code: the holder's
-- certificates name the requests to show. Requests made before this table existed are not in it
-- (ADR 0008).
CREATE TABLE certificate.open_requests (
    request_id uuid PRIMARY KEY,
    certificate_number text NOT NULL CHECK (length(certificate_number) BETWEEN 1 AND 32),
    kind text NOT NULL CHECK (kind IN ('reprint', 'duplicate', 'question')),
    state text NOT NULL CHECK (state IN ('submitted', 'in_review', 'accepted', 'approved', 'issue_refused',
                                         'answered', 'rejected', 'completed', 'withdrawn', 'closed')),
    is_open boolean NOT NULL,
    submitted_at timestamptz,
    changed_at timestamptz NOT NULL
);

CREATE INDEX open_requests_by_certificate ON certificate.open_requests (certificate_number) WHERE is_open;
