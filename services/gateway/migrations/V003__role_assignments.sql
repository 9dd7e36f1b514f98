-- Staff roles: clerk or assessor of an awarding body, or admin of the register keeper. A row is
-- never deleted or changed except to record its withdrawal, so the table is the roles' history:
-- who granted what to whom and when, and who withdrew it and when.

CREATE TABLE gateway.role_assignments (
    id              bigserial   PRIMARY KEY,
    personal_code   text        NOT NULL CHECK (personal_code ~ '^[1-6][0-9]{10}$'),
    role            text        NOT NULL CHECK (role IN ('clerk', 'assessor', 'admin')),
    body_id         text        CHECK (body_id ~ '^[0-9]{8}$'),
    granted_by      text        NOT NULL,
    granted_at      timestamptz NOT NULL DEFAULT now(),
    grant_reason    text        NOT NULL DEFAULT '' CHECK (length(grant_reason) <= 500),
    withdrawn_by    text,
    withdrawn_at    timestamptz,
    withdraw_reason text        CHECK (length(withdraw_reason) <= 500),
    CHECK ((role = 'admin') = (body_id IS NULL)),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);

-- One active assignment of a role per person and body.
CREATE UNIQUE INDEX role_assignments_active
    ON gateway.role_assignments (personal_code, role, coalesce(body_id, ''))
    WHERE withdrawn_at IS NULL;
