-- A notice about one of the holder's own requests (the workflow's request.* events) names that
-- request, so "My notifications" can link to it (/api/v1/me/requests/{id}); null for a notice about
-- a certificate only. No foreign key: the requests live in the workflow service's schema.

ALTER TABLE notification.notices ADD COLUMN request_id uuid;
