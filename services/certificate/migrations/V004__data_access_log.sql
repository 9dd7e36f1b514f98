-- Every access to a person's certificate data by awarding-body staff or an admin, for the holder to
-- read (as Estonia's data tracker shows citizens who looked at their data).

CREATE TABLE certificate.data_access_log (
    id                   bigserial   PRIMARY KEY,
    holder_personal_code text        NOT NULL CHECK (holder_personal_code ~ '^[1-6][0-9]{10}$'),
    accessed_at          timestamptz NOT NULL DEFAULT now(),
    accessed_by          text        NOT NULL,
    role                 text        NOT NULL CHECK (role IN ('clerk', 'admin')),
    awarding_body_id     text        CHECK (awarding_body_id ~ '^[0-9]{8}$'),
    purpose              text        NOT NULL CHECK (purpose IN ('issuing', 'invalidation', 'annulment')),
    certificate_number   text        NOT NULL
);

CREATE INDEX data_access_log_of_holder ON certificate.data_access_log (holder_personal_code, id DESC);
