// Every SQL statement of the certificate service, its name beside its text, in one place. Tables are
// always schema-qualified; rows are read by column name. Prepared on each pooled connection.
#pragma once

#include "kutse/db/pool.hpp"
#include "kutse/db/sql_text.hpp"

namespace kutse::certificate::sql {

// The columns every certificate read returns, named as db/certificate_rows.cpp reads them.
#define KUTSE_CERTIFICATE_COLUMNS                                                                          \
  "number, certificate_type, holder_personal_code, holder_name, standard_code, standard_name, level, "     \
  "eqf_level, specialisation, partial_qualification, competences::text AS competences, awarding_body_id, " \
  "decision_date::text AS decision_date, decision_number, issue_date::text AS issue_date, "                \
  "valid_from::text AS valid_from, valid_until::text AS valid_until, language, status, status_reason, "    \
  "published, origin, historic_level, duplicate_of, duplicate_reason, corrected_fields::text AS "          \
  "corrected_fields, duplicate_request_id, replaced_by, " KUTSE_UTC_TEXT("issued_at") " AS issued_at"

#define KUTSE_STANDARD_COLUMNS                                                                \
  "code, name_et, name_en, estqf_level, eqf_level, validity_years, specialisations::text AS " \
  "specialisations, "                                                                         \
  "partial_qualifications::text AS partial_qualifications, competences::text AS competences, active"

#define KUTSE_BODY_COLUMNS "registry_code, name, email, phone, address, website, active"

// The public register's filters: standard, level, awarding body, and valid on a day (never once
// annulled; once invalidated, only on the days before the decision's day in Estonia).
#define KUTSE_PUBLIC_SEARCH_FILTERS(standard, level, body, day)                                            \
  " AND (" standard "::text IS NULL OR standard_code = " standard ") AND (" level                          \
  "::smallint IS NULL OR level = " level ") AND (" body "::text IS NULL OR awarding_body_id = " body       \
  ") AND (" day "::date IS NULL OR (valid_from <= " day " AND (valid_until IS NULL OR valid_until >= " day \
  ") AND status <> 'annulled' AND (status <> 'invalidated' OR " day                                        \
  " < (status_changed_at AT TIME ZONE 'Europe/Tallinn')::date)))"

// Any part of the name, folded like the stored name; LIKE's own wildcards in the query are escaped.
#define KUTSE_NAME_CONTAINS(parameter)                                                      \
  "holder_name_folded LIKE '%' || replace(replace(replace(certificate.fold_name(" parameter \
  "), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'"

// ---- certificates --------------------------------------------------------------------------------

// The next `$1` numbers of a series, in order: $2 is true for partial-qualification certificates.
inline constexpr db::Statement kNextNumbers{
    "next_numbers",
    "SELECT CASE WHEN $2::boolean "
    "THEN certificate.series_number('OK-', nextval('certificate.partial_certificate_number_seq')) "
    "ELSE certificate.series_number('K-', nextval('certificate.certificate_number_seq')) END AS number "
    "FROM generate_series(1, $1::integer)"};
// Every certificate of $1 (a JSON array of rows, each with its number) in one statement: a batch of
// 10,000 is one round trip instead of 10,000.
inline constexpr db::Statement kInsertCertificates{
    "insert_certificates",
    "INSERT INTO certificate.certificates (number, certificate_type, holder_personal_code, holder_name, "
    "standard_code, standard_name, level, eqf_level, specialisation, partial_qualification, competences, "
    "awarding_body_id, decision_date, decision_number, issue_date, valid_from, valid_until, language, "
    "status, status_reason, origin, historic_level, duplicate_of, duplicate_reason, corrected_fields, "
    "duplicate_request_id, published, issued_by) "
    "SELECT r.number, r.certificate_type, r.holder_personal_code, r.holder_name, r.standard_code, "
    "r.standard_name, r.level, r.eqf_level, r.specialisation, r.partial_qualification, r.competences, "
    "r.awarding_body_id, r.decision_date, r.decision_number, r.issue_date, r.valid_from, r.valid_until, "
    "r.language, r.status, r.status_reason, r.origin, r.historic_level, r.duplicate_of, r.duplicate_reason, "
    "r.corrected_fields, r.duplicate_request_id, r.published, $2 "
    "FROM jsonb_to_recordset($1::jsonb) AS r(number text, certificate_type text, holder_personal_code text, "
    "holder_name text, standard_code text, standard_name text, level smallint, eqf_level smallint, "
    "specialisation text, partial_qualification text, competences jsonb, awarding_body_id text, "
    "decision_date date, decision_number text, issue_date date, valid_from date, valid_until date, "
    "language text, status text, status_reason text, origin text, historic_level text, duplicate_of text, "
    "duplicate_reason text, corrected_fields jsonb, duplicate_request_id text, published boolean) "
    "RETURNING " KUTSE_CERTIFICATE_COLUMNS};
inline constexpr db::Statement kMyCertificates{
    "my_certificates",
    "SELECT " KUTSE_CERTIFICATE_COLUMNS
    " FROM certificate.certificates WHERE holder_personal_code = $1 ORDER BY issued_at DESC, number"};
inline constexpr db::Statement kHoldersCertificate{
    "holders_certificate", "SELECT " KUTSE_CERTIFICATE_COLUMNS
                           " FROM certificate.certificates WHERE number = $1 AND holder_personal_code = $2"};
inline constexpr db::Statement kBodysCertificate{
    "bodys_certificate", "SELECT " KUTSE_CERTIFICATE_COLUMNS
                         " FROM certificate.certificates WHERE number = $1 AND awarding_body_id = $2"};
inline constexpr db::Statement kLockHoldersCertificate{
    "lock_holders_certificate",
    "SELECT " KUTSE_CERTIFICATE_COLUMNS
    " FROM certificate.certificates WHERE number = $1 AND holder_personal_code = $2 "
    "FOR UPDATE"};
inline constexpr db::Statement kLockBodysCertificate{
    "lock_bodys_certificate",
    "SELECT " KUTSE_CERTIFICATE_COLUMNS
    " FROM certificate.certificates WHERE number = $1 AND awarding_body_id = $2 FOR UPDATE"};
// Any certificate by its number, whoever holds or issued it: for the services that may ask (ADR 0008).
inline constexpr db::Statement kCertificateByNumber{"certificate_by_number",
                                                    "SELECT " KUTSE_CERTIFICATE_COLUMNS
                                                    " FROM certificate.certificates WHERE number = $1"};
// $1: a JSON array of numbers.
inline constexpr db::Statement kCertificatesByNumbers{
    "certificates_by_numbers", "SELECT " KUTSE_CERTIFICATE_COLUMNS
                               " FROM certificate.certificates "
                               "WHERE number IN (SELECT jsonb_array_elements_text($1::jsonb))"};
inline constexpr db::Statement kSetPublication{"set_publication",
                                               "UPDATE certificate.certificates SET published = $2 WHERE "
                                               "number = $1 RETURNING " KUTSE_CERTIFICATE_COLUMNS};
inline constexpr db::Statement kSetStatus{"set_status",
                                          "UPDATE certificate.certificates SET status = $2, status_reason = "
                                          "$3, status_changed_at = $4::timestamptz "
                                          "WHERE number = $1 RETURNING " KUTSE_CERTIFICATE_COLUMNS};
// Several replicas may run the job: each takes rows the others have not locked. A replaced original
// is left alone: its duplicate carries the validity, and the holder hears of it once. $1: today in
// Estonia; $3: now.
inline constexpr db::Statement kExpireDue{
    "expire_due",
    "WITH due AS (SELECT number AS due_number FROM certificate.certificates WHERE status = 'valid' "
    "AND valid_until < $1::date AND replaced_by IS NULL "
    "ORDER BY valid_until LIMIT $2 FOR UPDATE SKIP LOCKED) "
    "UPDATE certificate.certificates SET status = 'expired', status_changed_at = $3::timestamptz FROM due "
    "WHERE number = due.due_number RETURNING " KUTSE_CERTIFICATE_COLUMNS};
// The 6-month reminders (ADR 0010): valid certificates in use ending between today ($1) and the
// horizon ($2), not reminded yet; marked in the transaction that writes their event, rows taken
// FOR UPDATE SKIP LOCKED so replicas share the sweep and none reminds twice. $4: now.
inline constexpr db::Statement kRemindExpiring{
    "remind_expiring",
    "WITH due AS (SELECT number AS due_number FROM certificate.certificates WHERE status = 'valid' "
    "AND replaced_by IS NULL AND valid_until IS NOT NULL AND expiry_reminded_at IS NULL "
    "AND valid_until >= $1::date AND valid_until <= $2::date "
    "ORDER BY valid_until LIMIT $3 FOR UPDATE SKIP LOCKED) "
    "UPDATE certificate.certificates SET expiry_reminded_at = $4::timestamptz FROM due "
    "WHERE number = due.due_number RETURNING " KUTSE_CERTIFICATE_COLUMNS};
// Two imports of the same file at once: the second waits, then finds every entry present.
inline constexpr db::Statement kSerializeImports{
    "serialize_imports", "SELECT pg_advisory_xact_lock(hashtext('kutse.certificate.historic_import'))"};
inline constexpr db::Statement kDuplicateOfRequest{
    "duplicate_of_request", "SELECT number FROM certificate.certificates WHERE duplicate_request_id = $1"};
// The replaced original leaves the public register: its duplicate is the document in use.
inline constexpr db::Statement kMarkReplaced{
    "mark_replaced",
    "UPDATE certificate.certificates SET replaced_by = $2, published = false WHERE number = $1"};

// ---- history, prints, data-access log ------------------------------------------------------------

inline constexpr db::Statement kInsertHistory{
    "insert_history",
    "INSERT INTO certificate.certificate_history (number, changed_by, change, reason, old_value, new_value) "
    "VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)"};
// $1: a JSON array of entries, in order.
inline constexpr db::Statement kInsertHistories{
    "insert_histories",
    "INSERT INTO certificate.certificate_history (number, changed_by, change, reason, old_value, new_value) "
    "SELECT r.number, r.changed_by, r.change, r.reason, r.old_value, r.new_value FROM "
    "jsonb_to_recordset($1::jsonb) AS r(number text, changed_by text, change text, reason text, old_value "
    "jsonb, "
    "new_value jsonb)"};
inline constexpr db::Statement kHistoryOf{
    "history_of", "SELECT " KUTSE_UTC_TEXT("changed_at") " AS changed_at, changed_by, change, reason, "
                  "old_value::text AS old_value, new_value::text AS new_value "
                  "FROM certificate.certificate_history WHERE number = $1 ORDER BY id"};
#define KUTSE_PRINT_COLUMNS \
  "id, " KUTSE_UTC_TEXT("printed_at") " AS printed_at, printed_by, reason, delivery, note"
inline constexpr db::Statement kPrintsOf{"prints_of",
                                         "SELECT " KUTSE_PRINT_COLUMNS
                                         " FROM certificate.print_history WHERE number = $1 ORDER BY id"};
// $6: the workflow's request a reprint was made for, or null for one a clerk entered.
inline constexpr db::Statement kInsertPrint{
    "insert_print",
    "INSERT INTO certificate.print_history (number, printed_by, reason, delivery, note, request_id) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING " KUTSE_PRINT_COLUMNS};
inline constexpr db::Statement kPrintOfRequest{"print_of_request",
                                               "SELECT " KUTSE_PRINT_COLUMNS
                                               " FROM certificate.print_history WHERE request_id = $1"};
inline constexpr db::Statement kLogAccess{
    "log_access",
    "INSERT INTO certificate.data_access_log (holder_personal_code, accessed_by, role, awarding_body_id, "
    "purpose, certificate_number) VALUES ($1, $2, $3, $4, $5, $6)"};
// $1: a JSON array of entries.
inline constexpr db::Statement kLogAccesses{
    "log_accesses",
    "INSERT INTO certificate.data_access_log (holder_personal_code, accessed_by, role, awarding_body_id, "
    "purpose, certificate_number) SELECT r.holder_personal_code, r.accessed_by, r.role, r.awarding_body_id, "
    "r.purpose, r.certificate_number FROM jsonb_to_recordset($1::jsonb) AS r(holder_personal_code text, "
    "accessed_by text, role text, awarding_body_id text, purpose text, certificate_number text)"};
// A read of a holder's request in the workflow service, when it happened there.
inline constexpr db::Statement kLogRequestRead{
    "log_request_read",
    "INSERT INTO certificate.data_access_log (holder_personal_code, accessed_at, accessed_by, role, "
    "awarding_body_id, purpose, certificate_number, request_id) "
    "VALUES ($1, $2::timestamptz, $3, $4, $5, 'request', $6, $7::uuid)"};
inline constexpr db::Statement kAccessLog{
    "access_log", "SELECT id, " KUTSE_UTC_TEXT("accessed_at") " AS accessed_at, accessed_by, role, "
                  "awarding_body_id, purpose, certificate_number, request_id::text AS request_id "
                  "FROM certificate.data_access_log "
                  "WHERE holder_personal_code = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3"};

// ---- the copy of the workflow's requests ("My certificates" shows the open ones) -----------------

// News of one request waits for other news of it: a row that is not there yet cannot be locked.
inline constexpr db::Statement kLockRequestCopy{
    "lock_request_copy",
    "SELECT pg_advisory_xact_lock(hashtextextended('kutse.certificate.request:' || $1, 0))"};
#define KUTSE_REQUEST_COPY_COLUMNS                                                    \
  "request_id::text AS request_id, kind, certificate_number, state, " KUTSE_UTC_TEXT( \
      "submitted_at") " AS submitted_at, " KUTSE_UTC_TEXT("changed_at") " AS changed_at"
inline constexpr db::Statement kRequestCopy{"request_copy",
                                            "SELECT " KUTSE_REQUEST_COPY_COLUMNS
                                            " FROM certificate.open_requests WHERE request_id = $1::uuid"};
inline constexpr db::Statement kSaveRequestCopy{
    "save_request_copy",
    "INSERT INTO certificate.open_requests (request_id, kind, certificate_number, state, is_open, "
    "submitted_at, changed_at) VALUES ($1::uuid, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz) "
    "ON CONFLICT (request_id) DO UPDATE SET state = EXCLUDED.state, is_open = EXCLUDED.is_open, "
    "submitted_at = EXCLUDED.submitted_at, changed_at = EXCLUDED.changed_at"};
// $1: a JSON array of certificate numbers; one query for a whole "My certificates".
inline constexpr db::Statement kOpenRequestsOn{
    "open_requests_on", "SELECT " KUTSE_REQUEST_COPY_COLUMNS
                        " FROM certificate.open_requests WHERE is_open "
                        "AND certificate_number IN (SELECT jsonb_array_elements_text($1::jsonb)) "
                        "ORDER BY coalesce(submitted_at, changed_at) DESC, request_id"};

// ---- the public register -------------------------------------------------------------------------

inline constexpr db::Statement kCountNameCandidates{
    "count_name_candidates",
    "SELECT count(*) AS candidates FROM (SELECT 1 FROM certificate.certificates "
    "WHERE published AND " KUTSE_NAME_CONTAINS("$1") " LIMIT $2) AS candidates"};
inline constexpr db::Statement kPublicSearch{
    "public_search",
    "SELECT " KUTSE_CERTIFICATE_COLUMNS " FROM certificate.certificates WHERE published "
    "AND ($1::text IS NULL OR " KUTSE_NAME_CONTAINS("$1") ") "
    "AND ($2::text IS NULL OR number = $2) AND ($3::text IS NULL OR number > $3)" KUTSE_PUBLIC_SEARCH_FILTERS(
        "$5", "$6", "$7", "$8") " ORDER BY number LIMIT $4"};
// The rows of the in-memory name index's candidates that are published and match, and the number of
// the latest change the index should know of (a row even when none match).
inline constexpr db::Statement kPublicSearchCandidates{
    "public_search_candidates",
    "WITH search_state AS (SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS search_version "
    "FROM certificate.public_search_version_seq) "
    "SELECT " KUTSE_CERTIFICATE_COLUMNS
    ", search_version FROM search_state LEFT JOIN certificate.certificates "
    "ON number = ANY($1::text[]) AND published AND " KUTSE_NAME_CONTAINS("$2")
        KUTSE_PUBLIC_SEARCH_FILTERS("$3", "$4", "$5", "$6") " ORDER BY number"};
inline constexpr db::Statement kPublicGet{"public_get",
                                          "SELECT " KUTSE_CERTIFICATE_COLUMNS
                                          " FROM certificate.certificates WHERE number = $1 AND published"};
// Run by the public name index's own connection (search/name_index_feed.cpp), not prepared.
inline constexpr const char* kPublicSearchVersionText =
    "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM certificate.public_search_version_seq";
inline constexpr const char* kPublicSearchLoadText =
    "SELECT number, holder_name_folded FROM certificate.certificates WHERE published AND number > $1 "
    "ORDER BY number LIMIT $2";

// ---- reference data: standards, awarding bodies and their rights ---------------------------------

inline constexpr db::Statement kActiveStandards{
    "active_standards", "SELECT " KUTSE_STANDARD_COLUMNS
                        " FROM certificate.occupational_standards "
                        "WHERE active AND ($1::text IS NULL OR code = $1) ORDER BY code"};
// $1: a JSON array of codes; inactive standards too, so that the answer can say why.
inline constexpr db::Statement kStandardsByCodes{
    "standards_by_codes", "SELECT " KUTSE_STANDARD_COLUMNS
                          " FROM certificate.occupational_standards "
                          "WHERE code IN (SELECT jsonb_array_elements_text($1::jsonb))"};
inline constexpr db::Statement kUpsertStandard{
    "upsert_standard",
    "INSERT INTO certificate.occupational_standards AS s (code, name_et, name_en, estqf_level, eqf_level, "
    "validity_years, specialisations, partial_qualifications, competences, active, updated_by) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11) "
    "ON CONFLICT (code) DO UPDATE SET name_et = EXCLUDED.name_et, name_en = EXCLUDED.name_en, "
    "estqf_level = EXCLUDED.estqf_level, eqf_level = EXCLUDED.eqf_level, "
    "validity_years = EXCLUDED.validity_years, specialisations = EXCLUDED.specialisations, "
    "partial_qualifications = EXCLUDED.partial_qualifications, competences = EXCLUDED.competences, "
    "active = EXCLUDED.active, updated_at = now(), updated_by = EXCLUDED.updated_by "
    "RETURNING (xmax = 0) AS created"};
inline constexpr db::Statement kActiveBodies{
    "active_bodies",
    "SELECT " KUTSE_BODY_COLUMNS " FROM certificate.awarding_bodies WHERE active ORDER BY registry_code"};
inline constexpr db::Statement kBodyByCode{"body_by_code",
                                           "SELECT " KUTSE_BODY_COLUMNS
                                           " FROM certificate.awarding_bodies WHERE registry_code = $1"};
// $1: a JSON array of registry codes.
inline constexpr db::Statement kRightsOfBodies{
    "rights_of_bodies",
    "SELECT r.registry_code, r.standard_code, r.valid_from::text AS valid_from, r.valid_until::text AS "
    "valid_until, "
    "s.name_et AS standard_name, s.estqf_level AS level FROM certificate.awarding_rights r "
    "JOIN certificate.occupational_standards s ON s.code = r.standard_code "
    "WHERE r.registry_code IN (SELECT jsonb_array_elements_text($1::jsonb)) "
    "ORDER BY r.registry_code, r.standard_code, r.valid_from"};
inline constexpr db::Statement kUpsertBody{
    "upsert_body",
    "INSERT INTO certificate.awarding_bodies (registry_code, name, email, phone, address, website, active, "
    "updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
    "ON CONFLICT (registry_code) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, "
    "phone = EXCLUDED.phone, address = EXCLUDED.address, website = EXCLUDED.website, "
    "active = EXCLUDED.active, updated_at = now(), updated_by = EXCLUDED.updated_by "
    "RETURNING (xmax = 0) AS created"};
inline constexpr db::Statement kDeleteRights{
    "delete_rights", "DELETE FROM certificate.awarding_rights WHERE registry_code = $1"};
// $2: a JSON array of {standard_code, valid_from, valid_until}.
inline constexpr db::Statement kInsertRights{
    "insert_rights",
    "INSERT INTO certificate.awarding_rights (registry_code, standard_code, valid_from, valid_until) "
    "SELECT $1, r.standard_code, r.valid_from, r.valid_until "
    "FROM jsonb_to_recordset($2::jsonb) AS r(standard_code text, valid_from date, valid_until date)"};
// Issuing for a body waits while the admin changes the body's rights, and the other way round.
inline constexpr db::Statement kLockBody{
    "lock_body", "SELECT 1 FROM certificate.awarding_bodies WHERE registry_code = $1 FOR SHARE"};

inline db::Statements Statements() {
  return {kNextNumbers,
          kInsertCertificates,
          kMyCertificates,
          kHoldersCertificate,
          kBodysCertificate,
          kLockHoldersCertificate,
          kLockBodysCertificate,
          kCertificateByNumber,
          kCertificatesByNumbers,
          kSetPublication,
          kSetStatus,
          kExpireDue,
          kRemindExpiring,
          kSerializeImports,
          kDuplicateOfRequest,
          kMarkReplaced,
          kInsertHistory,
          kInsertHistories,
          kLogAccesses,
          kHistoryOf,
          kPrintsOf,
          kInsertPrint,
          kPrintOfRequest,
          kLogAccess,
          kLogRequestRead,
          kAccessLog,
          kLockRequestCopy,
          kRequestCopy,
          kSaveRequestCopy,
          kOpenRequestsOn,
          kCountNameCandidates,
          kPublicSearch,
          kPublicSearchCandidates,
          kPublicGet,
          kActiveStandards,
          kStandardsByCodes,
          kUpsertStandard,
          kActiveBodies,
          kBodyByCode,
          kRightsOfBodies,
          kUpsertBody,
          kDeleteRights,
          kInsertRights,
          kLockBody};
}

}  // namespace kutse::certificate::sql
