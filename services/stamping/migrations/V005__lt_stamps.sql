-- Baseline LT seals (issue 12): with a time-stamping authority and an OCSP responder configured, a
-- stamp's seal carries a signature time-stamp, the certificate chain and the OCSP response, and its
-- record says so.

ALTER TABLE stamping.stamps DROP CONSTRAINT stamps_level_check;
ALTER TABLE stamping.stamps ADD CONSTRAINT stamps_level_check CHECK (level IN ('B-B', 'B-LT'));
