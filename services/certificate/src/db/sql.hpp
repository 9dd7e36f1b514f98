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
inline constexpr const char* kPublicSearchCandidates = "public_search_candidates";
// Run by the public name index's own connection (search/name_index_feed.cpp), not prepared.
inline constexpr const char* kPublicSearchVersionText =
    "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM certificate.public_search_version_seq";
inline constexpr const char* kPublicSearchLoadText =
    "SELECT number, holder_name_folded FROM certificate.certificates WHERE published AND number > $1 "
    "ORDER BY number LIMIT $2";
inline constexpr const char* kLogAccess = "log_access";
inline constexpr const char* kAccessLog = "access_log";
inline constexpr const char* kRegisterToday = "register_today";
inline constexpr const char* kActiveStandards = "active_standards";
inline constexpr const char* kStandardsByCodes = "standards_by_codes";
inline constexpr const char* kUpsertStandard = "upsert_standard";
inline constexpr const char* kActiveBodies = "active_bodies";
inline constexpr const char* kBodyByCode = "body_by_code";
inline constexpr const char* kRightsOfBodies = "rights_of_bodies";
inline constexpr const char* kUpsertBody = "upsert_body";
inline constexpr const char* kDeleteRights = "delete_rights";
inline constexpr const char* kInsertRights = "insert_rights";
inline constexpr const char* kLockBody = "lock_body";
inline constexpr const char* kCertificatesByNumbers = "certificates_by_numbers";
inline constexpr const char* kSerializeImports = "serialize_imports";
inline constexpr const char* kDuplicateOfRequest = "duplicate_of_request";
inline constexpr const char* kMarkReplaced = "mark_replaced";
inline constexpr const char* kHoldersCertificate = "holders_certificate";
inline constexpr const char* kBodysCertificate = "bodys_certificate";
inline constexpr const char* kHistoryOf = "history_of";
inline constexpr const char* kPrintsOf = "prints_of";
inline constexpr const char* kInsertPrint = "insert_print";

// The columns every read returns, in the order CertificateRepository reads them.
#define KUTSE_CERTIFICATE_COLUMNS                                                                           \
  "number, holder_personal_code, holder_name, standard_name, level, awarding_body_id, valid_from::text, "   \
  "valid_until::text, status, to_char(issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), " \
  "published, status_reason, certificate_type, standard_code, eqf_level, specialisation, "                  \
  "partial_qualification, competences::text, decision_date::text, decision_number, issue_date::text, "      \
  "language, origin, historic_level, duplicate_of, duplicate_reason, corrected_fields::text, replaced_by"

#define KUTSE_STANDARD_COLUMNS                                                              \
  "code, name_et, name_en, estqf_level, eqf_level, validity_years, specialisations::text, " \
  "partial_qualifications::text, competences::text, active"

#define KUTSE_BODY_COLUMNS "registry_code, name, email, phone, address, website, active"

// The public register's filters: standard, level, awarding body, and valid on a day (never once
// annulled; once invalidated, only on the days before the decision's day in Estonia).
#define KUTSE_PUBLIC_SEARCH_FILTERS(standard, level, body, day)                                            \
  " AND (" standard "::text IS NULL OR standard_code = " standard ") AND (" level                          \
  "::smallint IS NULL OR level = " level ") AND (" body "::text IS NULL OR awarding_body_id = " body       \
  ") AND (" day "::date IS NULL OR (valid_from <= " day " AND (valid_until IS NULL OR valid_until >= " day \
  ") AND status <> 'annulled' AND (status <> 'invalidated' OR " day                                        \
  " < (status_changed_at AT TIME ZONE 'Europe/Tallinn')::date)))"

inline db::Statements Statements() {
  return {
      // The number is given for historic entries; otherwise the next of the type's series.
      {kInsertCertificate,
       "INSERT INTO certificate.certificates (number, certificate_type, holder_personal_code, holder_name, "
       "standard_code, standard_name, level, eqf_level, specialisation, partial_qualification, competences, "
       "awarding_body_id, decision_date, decision_number, issue_date, valid_from, valid_until, language, "
       "status, status_reason, origin, historic_level, duplicate_of, duplicate_reason, corrected_fields, "
       "duplicate_request_id, published, issued_by) "
       "VALUES (COALESCE($1, CASE WHEN $2 = 'partial_qualification' "
       "THEN certificate.series_number('OK-', nextval('certificate.partial_certificate_number_seq')) "
       "ELSE certificate.series_number('K-', nextval('certificate.certificate_number_seq')) END), "
       "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13::date, $14, $15::date, $16::date, "
       "$17::date, $18, $19, $20, $21, $22, $23, $24, $25::jsonb, $26, $27, $28) "
       "RETURNING " KUTSE_CERTIFICATE_COLUMNS},
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
      // Several replicas may run the job: each takes rows the others have not locked. A replaced
      // original is left alone: its duplicate carries the validity, and the holder hears of it once.
      {kExpireDue,
       "WITH due AS (SELECT number AS due_number FROM certificate.certificates WHERE status = 'valid' "
       "AND valid_until < (now() AT TIME ZONE 'Europe/Tallinn')::date AND replaced_by IS NULL "
       "ORDER BY valid_until LIMIT $1 FOR UPDATE SKIP LOCKED) "
       "UPDATE certificate.certificates SET status = 'expired', status_changed_at = now() FROM due "
       "WHERE number = due.due_number RETURNING " KUTSE_CERTIFICATE_COLUMNS},
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
                      "AND ($2::text IS NULL OR number = $2) AND ($3::text IS NULL OR number > "
                      "$3)" KUTSE_PUBLIC_SEARCH_FILTERS("$5", "$6", "$7", "$8") " ORDER BY number LIMIT $4"},
      // The rows of the in-memory name index's candidates that are published and match, and the
      // number of the latest change the index should know of (a row even when none match).
      {kPublicSearchCandidates,
       "WITH search_state AS (SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS search_version "
       "FROM certificate.public_search_version_seq) "
       "SELECT " KUTSE_CERTIFICATE_COLUMNS
       ", search_version FROM search_state LEFT JOIN certificate.certificates "
       "ON number = ANY($1::text[]) AND published AND holder_name_folded LIKE '%' || "
       "replace(replace(replace(certificate.fold_name($2), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || "
       "'%'" KUTSE_PUBLIC_SEARCH_FILTERS("$3", "$4", "$5", "$6") " ORDER BY number"},
      {kLogAccess,
       "INSERT INTO certificate.data_access_log (holder_personal_code, accessed_by, role, awarding_body_id, "
       "purpose, "
       "certificate_number) VALUES ($1, $2, $3, $4, $5, $6)"},
      {kAccessLog,
       "SELECT id, to_char(accessed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
       "accessed_by, role, "
       "awarding_body_id, purpose, certificate_number FROM certificate.data_access_log "
       "WHERE holder_personal_code = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3"},
      // The register's calendar is Estonia's.
      {kRegisterToday, "SELECT (now() AT TIME ZONE 'Europe/Tallinn')::date::text"},
      {kActiveStandards, "SELECT " KUTSE_STANDARD_COLUMNS " FROM certificate.occupational_standards "
                         "WHERE active AND ($1::text IS NULL OR code = $1) ORDER BY code"},
      // $1: a JSON array of codes; inactive standards too, so that the answer can say why.
      {kStandardsByCodes, "SELECT " KUTSE_STANDARD_COLUMNS " FROM certificate.occupational_standards "
                          "WHERE code IN (SELECT jsonb_array_elements_text($1::jsonb))"},
      {kUpsertStandard,
       "INSERT INTO certificate.occupational_standards AS s (code, name_et, name_en, estqf_level, eqf_level, "
       "validity_years, specialisations, partial_qualifications, competences, active, updated_by) "
       "VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11) "
       "ON CONFLICT (code) DO UPDATE SET name_et = EXCLUDED.name_et, name_en = EXCLUDED.name_en, "
       "estqf_level = EXCLUDED.estqf_level, eqf_level = EXCLUDED.eqf_level, "
       "validity_years = EXCLUDED.validity_years, specialisations = EXCLUDED.specialisations, "
       "partial_qualifications = EXCLUDED.partial_qualifications, competences = EXCLUDED.competences, "
       "active = EXCLUDED.active, updated_at = now(), updated_by = EXCLUDED.updated_by "
       "RETURNING (xmax = 0) AS created"},
      {kActiveBodies, "SELECT " KUTSE_BODY_COLUMNS " FROM certificate.awarding_bodies WHERE active "
                      "ORDER BY registry_code"},
      {kBodyByCode,
       "SELECT " KUTSE_BODY_COLUMNS " FROM certificate.awarding_bodies WHERE registry_code = $1"},
      // $1: a JSON array of registry codes.
      {kRightsOfBodies,
       "SELECT r.registry_code, r.standard_code, r.valid_from::text, r.valid_until::text, s.name_et, "
       "s.estqf_level FROM certificate.awarding_rights r JOIN certificate.occupational_standards s "
       "ON s.code = r.standard_code WHERE r.registry_code IN (SELECT jsonb_array_elements_text($1::jsonb)) "
       "ORDER BY r.registry_code, r.standard_code, r.valid_from"},
      {kUpsertBody,
       "INSERT INTO certificate.awarding_bodies (registry_code, name, email, phone, address, website, "
       "active, "
       "updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
       "ON CONFLICT (registry_code) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, "
       "phone = EXCLUDED.phone, address = EXCLUDED.address, website = EXCLUDED.website, "
       "active = EXCLUDED.active, updated_at = now(), updated_by = EXCLUDED.updated_by "
       "RETURNING (xmax = 0) AS created"},
      {kDeleteRights, "DELETE FROM certificate.awarding_rights WHERE registry_code = $1"},
      // $2: a JSON array of {standard_code, valid_from, valid_until}.
      {kInsertRights,
       "INSERT INTO certificate.awarding_rights (registry_code, standard_code, valid_from, valid_until) "
       "SELECT $1, r.standard_code, r.valid_from, r.valid_until "
       "FROM jsonb_to_recordset($2::jsonb) AS r(standard_code text, valid_from date, valid_until date)"},
      // Issuing for a body waits while the admin changes the body's rights, and the other way round.
      {kLockBody, "SELECT 1 FROM certificate.awarding_bodies WHERE registry_code = $1 FOR SHARE"},
      // $1: a JSON array of numbers.
      {kCertificatesByNumbers, "SELECT " KUTSE_CERTIFICATE_COLUMNS " FROM certificate.certificates "
                               "WHERE number IN (SELECT jsonb_array_elements_text($1::jsonb))"},
      // Two imports of the same file at once: the second waits, then finds every entry present.
      {kSerializeImports, "SELECT pg_advisory_xact_lock(hashtext('kutse.certificate.historic_import'))"},
      {kDuplicateOfRequest, "SELECT number FROM certificate.certificates WHERE duplicate_request_id = $1"},
      // The replaced original leaves the public register: its duplicate is the document in use.
      {kMarkReplaced,
       "UPDATE certificate.certificates SET replaced_by = $2, published = false WHERE number = $1"},
      {kHoldersCertificate, "SELECT " KUTSE_CERTIFICATE_COLUMNS
                            " FROM certificate.certificates WHERE number = $1 AND holder_personal_code = $2"},
      {kBodysCertificate, "SELECT " KUTSE_CERTIFICATE_COLUMNS
                          " FROM certificate.certificates WHERE number = $1 AND awarding_body_id = $2"},
      {kHistoryOf,
       "SELECT to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), changed_by, "
       "change, "
       "reason, old_value::text, new_value::text FROM certificate.certificate_history WHERE number = $1 "
       "ORDER BY id"},
      {kPrintsOf,
       "SELECT id, to_char(printed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), printed_by, "
       "reason, "
       "delivery, note FROM certificate.print_history WHERE number = $1 ORDER BY id"},
      {kInsertPrint,
       "INSERT INTO certificate.print_history (number, printed_by, reason, delivery, note) "
       "VALUES ($1, $2, $3, $4, $5) RETURNING id, to_char(printed_at AT TIME ZONE 'UTC', "
       "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), printed_by, reason, delivery, note"},
      {kPublicGet,
       "SELECT " KUTSE_CERTIFICATE_COLUMNS " FROM certificate.certificates WHERE number = $1 AND published"},
  };
}

}  // namespace kutse::certificate::sql
