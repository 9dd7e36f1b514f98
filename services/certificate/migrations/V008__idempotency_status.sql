-- The HTTP status of the kept answer, so that db::IdempotencyStore (libs/db) can serve this table as
-- it serves any service's. Every answer kept before it was a 201 Created (one certificate or a
-- batch), and so is every answer the statements of src/db/sql.hpp keep until the handlers use the
-- store: hence the default. A row without response_body is still unanswered, whatever its status.
ALTER TABLE certificate.idempotency_keys ADD COLUMN response_status integer DEFAULT 201;
