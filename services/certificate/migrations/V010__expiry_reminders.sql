-- The 6-month reminder is sent once per certificate (ADR 0010): the sweep marks the certificate in
-- the transaction that writes the event to the outbox.
ALTER TABLE certificate.certificates ADD COLUMN expiry_reminded_at timestamptz;

-- What the sweep looks at: valid certificates in use with an end and no reminder yet.
CREATE INDEX certificates_expiry_reminder_due ON certificate.certificates (valid_until)
    WHERE status = 'valid' AND replaced_by IS NULL AND valid_until IS NOT NULL AND expiry_reminded_at IS NULL;
