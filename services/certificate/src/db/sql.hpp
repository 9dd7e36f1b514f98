// Every SQL statement of the certificate service, named, in one place. Tables are always
// schema-qualified. Prepared on each pooled connection.
#pragma once

#include "kutse/db/pool.hpp"

namespace kutse::certificate::sql {

inline constexpr const char* kInsertCertificate = "insert_certificate";
inline constexpr const char* kClaimIdempotencyKey = "claim_idempotency_key";
inline constexpr const char* kFindIdempotentResponse = "find_idempotent_response";
inline constexpr const char* kSaveIdempotentResponse = "save_idempotent_response";
inline constexpr const char* kInsertHistory = "insert_history";
inline constexpr const char* kMyCertificates = "my_certificates";
inline constexpr const char* kLockHoldersCertificate = "lock_holders_certificate";
inline constexpr const char* kLockBodysCertificate = "lock_bodys_certificate";
inline constexpr const char* kSetPublication = "set_publication";
inline constexpr const char* kSetStatus = "set_status";
inline constexpr const char* kExpireDue = "expire_due";
inline constexpr const char* kPublicSearch = "public_search";
inline constexpr const char* kPublicGet = "public_get";
inline constexpr const char* kCountNameCandidates = "count_name_candidates";
inline constexpr const char* kLogAccess = "log_access";
inline constexpr const char* kAccessLog = "access_log";

// The columns every read returns, in the order CertificateRepository reads them.
#define KUTSE_CERTIFICATE_COLUMNS                                                                           \
  "number, holder_personal_code, holder_name, standard_name, level, awarding_body_id, valid_from::text, "   \
  "valid_until::text, status, to_char(issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), " \
  "published, status_reason"

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
      {kInsertHistory,
       "INSERT INTO certificate.certificate_history (number, changed_by, change, reason, old_value, "
       "new_value) "
       "VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)"},
      {kMyCertificates,
       "SELECT " KUTSE_CERTIFICATE_COLUMNS
       " FROM certificate.certificates WHERE holder_personal_code = $1 ORDER BY issued_at DESC, number"},
      {kLockHoldersCertificate,
       "SELECT " KUTSE_CERTIFICATE_COLUMNS
       " FROM certificate.certificates WHERE number = $1 AND holder_personal_code = $2 FOR UPDATE"},
      {kLockBodysCertificate,
       "SELECT " KUTSE_CERTIFICATE_COLUMNS
       " FROM certificate.certificates WHERE number = $1 AND awarding_body_id = $2 FOR UPDATE"},
      {kSetPublication,
       "UPDATE certificate.certificates SET published = $2 WHERE number = $1 "
       "RETURNING " KUTSE_CERTIFICATE_COLUMNS},
      {kSetStatus,
       "UPDATE certificate.certificates SET status = $2, status_reason = $3, status_changed_at = now() "
       "WHERE number = $1 RETURNING " KUTSE_CERTIFICATE_COLUMNS},
      // Several replicas may run the job: each takes rows the others have not locked.
      {kExpireDue,
       "WITH due AS (SELECT number FROM certificate.certificates WHERE status = 'valid' AND valid_until < "
       "current_date "
       "ORDER BY valid_until LIMIT $1 FOR UPDATE SKIP LOCKED) "
       "UPDATE certificate.certificates c SET status = 'expired', status_changed_at = now() FROM due "
       "WHERE c.number = due.number RETURNING c.number, c.holder_personal_code, c.holder_name, "
       "c.standard_name, "
       "c.level, c.awarding_body_id, c.valid_from::text, c.valid_until::text, c.status, "
       "to_char(c.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), c.published, "
       "c.status_reason"},
      // Any part of the name, folded like the stored name; LIKE's own wildcards in the query are escaped.
      {kCountNameCandidates,
       "SELECT count(*) FROM (SELECT 1 FROM certificate.certificates WHERE published AND holder_name_folded "
       "LIKE '%' "
       "|| replace(replace(replace(certificate.fold_name($1), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%' "
       "LIMIT $2) AS candidates"},
      {kPublicSearch, "SELECT " KUTSE_CERTIFICATE_COLUMNS " FROM certificate.certificates WHERE published "
                      "AND ($1::text IS NULL OR holder_name_folded LIKE '%' || "
                      "replace(replace(replace(certificate.fold_name($1), "
                      "'\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%') "
                      "AND ($2::text IS NULL OR number = $2) AND ($3::text IS NULL OR number > $3) ORDER BY "
                      "number LIMIT $4"},
      {kLogAccess,
       "INSERT INTO certificate.data_access_log (holder_personal_code, accessed_by, role, awarding_body_id, "
       "purpose, "
       "certificate_number) VALUES ($1, $2, $3, $4, $5, $6)"},
      {kAccessLog,
       "SELECT id, to_char(accessed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
       "accessed_by, role, "
       "awarding_body_id, purpose, certificate_number FROM certificate.data_access_log "
       "WHERE holder_personal_code = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3"},
      {kPublicGet,
       "SELECT " KUTSE_CERTIFICATE_COLUMNS " FROM certificate.certificates WHERE number = $1 AND published"},
  };
}

}  // namespace kutse::certificate::sql
