// Every SQL statement of the workflow service, its name beside its text, in one place. Tables are
// always schema-qualified; rows are read by column name. Prepared on each pooled connection.
#pragma once

#include "kutse/db/pool.hpp"
#include "kutse/db/sql_text.hpp"

namespace kutse::workflow::sql {

// The columns every request read returns, named as db/request_repository.cpp reads them.
#define KUTSE_REQUEST_COLUMNS \
  "id::text AS id, seq, kind, state, certificate_number, holder_personal_code, route, awarding_body_id, " \
  "standard_code, qualification_name_et, qualification_name_en, level, data::text AS data, "             \
  KUTSE_UTC_TEXT("created_at") " AS created_at, " KUTSE_UTC_TEXT("submitted_at") " AS submitted_at, "    \
  "answer_deadline::text AS answer_deadline, " KUTSE_UTC_TEXT("updated_at") " AS updated_at, version"

// ---- requests ------------------------------------------------------------------------------------

inline constexpr db::Statement kInsertRequest{
    "insert_request",
    "INSERT INTO workflow.requests (id, kind, state, certificate_number, holder_personal_code, route, "
    "awarding_body_id, standard_code, qualification_name_et, qualification_name_en, level, data, "
    "created_at, submitted_at, answer_deadline, updated_at) "
    "VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::timestamptz, "
    "$13::timestamptz, $14::date, $13::timestamptz) RETURNING " KUTSE_REQUEST_COLUMNS};
// Two requests on one certificate are made one after the other: the open-duplicate check holds.
inline constexpr db::Statement kLockCertificateRequests{
    "lock_certificate_requests",
    "SELECT pg_advisory_xact_lock(hashtextextended('workflow.requests:' || $1, 0))"};
inline constexpr db::Statement kOpenDuplicateExists{
    "open_duplicate_exists",
    "SELECT EXISTS (SELECT 1 FROM workflow.requests WHERE certificate_number = $1 AND kind = 'duplicate' "
    "AND state NOT IN ('rejected', 'completed', 'withdrawn', 'closed')) AS open"};
inline constexpr db::Statement kLockRequest{
    "lock_request", "SELECT " KUTSE_REQUEST_COLUMNS " FROM workflow.requests WHERE id = $1::uuid FOR UPDATE"};
// The one duplicate request of certificate $1 waiting for the certificate service (one open
// duplicate request per certificate, the unique index), locked.
inline constexpr db::Statement kLockApprovedDuplicate{
    "lock_approved_duplicate", "SELECT " KUTSE_REQUEST_COLUMNS
                               " FROM workflow.requests WHERE certificate_number = $1 AND kind = 'duplicate' "
                               "AND state = 'approved' FOR UPDATE"};
// $2 the kind data (the refusal added); a change of the request like any other: version + 1.
inline constexpr db::Statement kUpdateRequestData{
    "update_request_data",
    "UPDATE workflow.requests SET data = $2::jsonb, updated_at = $3::timestamptz, version = version + 1 "
    "WHERE id = $1::uuid RETURNING " KUTSE_REQUEST_COLUMNS};
inline constexpr db::Statement kFindRequest{
    "find_request", "SELECT " KUTSE_REQUEST_COLUMNS " FROM workflow.requests WHERE id = $1::uuid"};
// $1 the holder; $2 the seq of the last request of the page before (NULL: the first page); $3 rows.
inline constexpr db::Statement kHoldersRequests{
    "holders_requests", "SELECT " KUTSE_REQUEST_COLUMNS
                        " FROM workflow.requests WHERE holder_personal_code = $1 "
                        "AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3"};
// A handler's inbox (domain/inbox_order.hpp): the open requests of route $1, optionally of kind $2
// and state $3, overdue on $4 first, then the oldest submitted, then by id. $5..$7 the key of the
// last row of the page before (overdue, submitted_at, id), NULL for the first page; $8 rows.
// The overdue and the other open requests are read apart, each in the order of index
// requests_inbox (route, submitted_at, id) and stopping after $8 rows, so a page never sorts all
// of a body's open requests (100,000 open ones: a sequential scan and a sort of 0.7 s before).
#define KUTSE_INBOX_PART(overdue, condition)                                                               \
  "(SELECT " KUTSE_REQUEST_COLUMNS ", " overdue                                                            \
  " AS overdue FROM workflow.requests WHERE route = $1 "                                                   \
  "AND state NOT IN ('rejected', 'completed', 'withdrawn', 'closed') AND ($2::text IS NULL OR kind = $2) " \
  "AND ($3::text IS NULL OR state = $3) AND " condition                                                    \
  " ORDER BY requests.submitted_at, requests.id LIMIT $8)"
inline constexpr db::Statement kInbox{
    "inbox",
    KUTSE_INBOX_PART("true",
                     "state IN ('submitted', 'in_review') AND answer_deadline < $4::date AND ($5::boolean IS NULL "
                     "OR ($5 AND (requests.submitted_at, requests.id) > ($6::timestamptz, $7::uuid)))")
    " UNION ALL " KUTSE_INBOX_PART(
        "false",
        "NOT (state IN ('submitted', 'in_review') AND answer_deadline < $4::date) AND ($5::boolean IS NULL OR $5 "
        "OR (requests.submitted_at, requests.id) > ($6::timestamptz, $7::uuid))")
    " ORDER BY overdue DESC, submitted_at, id LIMIT $8"};
// $2 the new state; $3 now; $4 true when the request is submitted again (a reopened question), so
// its deadline counts from now: $5 the new deadline.
inline constexpr db::Statement kUpdateRequestState{
    "update_request_state",
    "UPDATE workflow.requests SET state = $2, updated_at = $3::timestamptz, version = version + 1, "
    "submitted_at = CASE WHEN $4::boolean THEN $3::timestamptz ELSE submitted_at END, "
    "answer_deadline = CASE WHEN $4::boolean THEN $5::date ELSE answer_deadline END "
    "WHERE id = $1::uuid RETURNING " KUTSE_REQUEST_COLUMNS};

// ---- history and messages ------------------------------------------------------------------------

inline constexpr db::Statement kInsertHistory{
    "insert_history",
    "INSERT INTO workflow.request_history (request_id, action, from_state, to_state, actor_kind, "
    "actor_personal_code, actor_body_id, reason, detail, at) "
    "VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10::timestamptz)"};
inline constexpr db::Statement kHistoryOf{
    "history_of", "SELECT " KUTSE_UTC_TEXT("at") " AS at, action, from_state, to_state, actor_kind, "
                  "actor_body_id, reason, detail FROM workflow.request_history WHERE request_id = $1::uuid "
                  "ORDER BY id"};
inline constexpr db::Statement kInsertMessage{
    "insert_message",
    "INSERT INTO workflow.request_messages (request_id, author_kind, author_personal_code, text, sent_at) "
    "VALUES ($1::uuid, $2, $3, $4, $5::timestamptz) RETURNING id, " KUTSE_UTC_TEXT("sent_at") " AS sent_at"};
inline constexpr db::Statement kMessagesOf{
    "messages_of", "SELECT id, author_kind, text, " KUTSE_UTC_TEXT("sent_at") " AS sent_at "
                   "FROM workflow.request_messages WHERE request_id = $1::uuid ORDER BY id"};

// ---- attachments -------------------------------------------------------------------------------

// The columns of an attachment's metadata, as db/request_repository.cpp reads them.
#define KUTSE_ATTACHMENT_COLUMNS                                                                  \
  "id::text AS id, file_name, media_type, size_bytes, sha256, uploaded_by_kind, " KUTSE_UTC_TEXT( \
      "uploaded_at") " AS uploaded_at"

// $7 the bytes (a binary parameter).
inline constexpr db::Statement kInsertAttachment{
    "insert_attachment",
    "INSERT INTO workflow.request_attachments (id, request_id, file_name, media_type, size_bytes, sha256, "
    "content, uploaded_by_kind, uploaded_by_personal_code, uploaded_at) "
    "VALUES ($1::uuid, $2::uuid, $3, $4, $5::integer, $6, $7::bytea, $8, $9, $10::timestamptz) "
    "RETURNING " KUTSE_ATTACHMENT_COLUMNS};
inline constexpr db::Statement kCountAttachments{
    "count_attachments",
    "SELECT count(*) AS attached FROM workflow.request_attachments WHERE request_id = $1::uuid"};
inline constexpr db::Statement kAttachmentsOf{
    "attachments_of",
    "SELECT " KUTSE_ATTACHMENT_COLUMNS
    " FROM workflow.request_attachments WHERE request_id = $1::uuid ORDER BY uploaded_at, id"};
// One file of request $1 with its bytes.
inline constexpr db::Statement kAttachmentContent{
    "attachment_content",
    "SELECT " KUTSE_ATTACHMENT_COLUMNS
    ", content FROM workflow.request_attachments WHERE request_id = $1::uuid AND id = $2::uuid"};

inline db::Statements Statements() {
  return {kInsertRequest,
          kLockCertificateRequests,
          kOpenDuplicateExists,
          kLockRequest,
          kFindRequest,
          kLockApprovedDuplicate,
          kUpdateRequestData,
          kHoldersRequests,
          kInbox,
          kUpdateRequestState,
          kInsertHistory,
          kHistoryOf,
          kInsertMessage,
          kMessagesOf,
          kInsertAttachment,
          kCountAttachments,
          kAttachmentsOf,
          kAttachmentContent};
}

}  // namespace kutse::workflow::sql
