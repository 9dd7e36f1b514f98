// Every SQL statement of the certificate service, named, in one place. Tables are always
// schema-qualified. Prepared on each pooled connection.
#pragma once

#include "kutse/db/pool.hpp"

namespace kutse::certificate::sql {

inline constexpr const char* kInsertCertificate = "insert_certificate";
inline constexpr const char* kClaimIdempotencyKey = "claim_idempotency_key";
inline constexpr const char* kFindIdempotentResponse = "find_idempotent_response";
inline constexpr const char* kSaveIdempotentResponse = "save_idempotent_response";

inline db::Statements Statements() {
  return {
      {kInsertCertificate,
       "INSERT INTO certificate.certificates (number, holder_personal_code, holder_name, standard_name, "
       "level, "
       "awarding_body_id, valid_from, valid_until, issued_by) "
       "VALUES ('K-' || lpad(nextval('certificate.certificate_number_seq')::text, 6, '0'), $1, $2, $3, $4, "
       "$5, "
       "$6::date, $7::date, $8) "
       "RETURNING number, to_char(issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"},
      {kClaimIdempotencyKey,
       "INSERT INTO certificate.idempotency_keys (caller, key, request_hash) VALUES ($1, $2, $3) "
       "ON CONFLICT DO NOTHING"},
      {kFindIdempotentResponse,
       "SELECT request_hash, response_body::text FROM certificate.idempotency_keys WHERE caller = $1 AND key "
       "= $2"},
      {kSaveIdempotentResponse,
       "UPDATE certificate.idempotency_keys SET response_body = $3::jsonb WHERE caller = $1 AND key = $2"},
  };
}

}  // namespace kutse::certificate::sql
