// The SQL of the mail channels (person_settings, deliveries, delivery_attempts: V005), each name
// beside its text; prepared on each pooled connection with the notices' statements (sql.hpp).
#pragma once

#include "kutse/db/pool.hpp"
#include "kutse/db/sql_text.hpp"

namespace kutse::notification::sql {

inline constexpr db::Statement kPersonSettings{
    "person_settings",
    "SELECT language, state_portal, email_enabled, email, pending_email, pending_code_sha256, "
    "pending_attempts, " KUTSE_UTC_TEXT("pending_expires_at") " AS pending_expires_at, "
    "pending_expires_at <= $2::timestamptz AS pending_expired "
    "FROM notification.person_settings WHERE personal_code = $1"};
inline constexpr db::Statement kPersonSettingsForUpdate{
    "person_settings_for_update",
    "SELECT language, state_portal, email_enabled, email, pending_email, pending_code_sha256, "
    "pending_attempts, " KUTSE_UTC_TEXT("pending_expires_at") " AS pending_expires_at, "
    "pending_expires_at <= $2::timestamptz AS pending_expired "
    "FROM notification.person_settings WHERE personal_code = $1 FOR UPDATE"};
inline constexpr db::Statement kSavePersonSettings{
    "save_person_settings",
    "INSERT INTO notification.person_settings AS s (personal_code, language, state_portal, email_enabled, "
    "email, pending_email, pending_code_sha256, pending_expires_at, pending_attempts, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9, clock_timestamp()) "
    "ON CONFLICT (personal_code) DO UPDATE SET language = excluded.language, "
    "state_portal = excluded.state_portal, email_enabled = excluded.email_enabled, email = excluded.email, "
    "pending_email = excluded.pending_email, pending_code_sha256 = excluded.pending_code_sha256, "
    "pending_expires_at = excluded.pending_expires_at, pending_attempts = excluded.pending_attempts, "
    "updated_at = excluded.updated_at"};
inline constexpr db::Statement kConfirmEmail{
    "confirm_email",
    "UPDATE notification.person_settings SET email = pending_email, email_confirmed_at = $2::timestamptz, "
    "pending_email = NULL, pending_code_sha256 = NULL, pending_expires_at = NULL, pending_attempts = 0, "
    "updated_at = clock_timestamp() WHERE personal_code = $1"};
inline constexpr db::Statement kCountFailedCode{
    "count_failed_code",
    "UPDATE notification.person_settings SET pending_attempts = pending_attempts + 1 "
    "WHERE personal_code = $1 RETURNING pending_attempts"};

// A notice's delivery on one channel; the same notice and channel again adds nothing.
inline constexpr db::Statement kInsertDelivery{
    "insert_delivery",
    "INSERT INTO notification.deliveries (id, notice_id, digest_day, personal_code, channel, address, "
    "language, subject, body, message_id, state, next_attempt_at) VALUES ($1::uuid, $2::uuid, $3::date, $4, "
    "$5, $6, $7, $8, $9, $10, $11, $12::timestamptz) ON CONFLICT (notice_id, channel) DO NOTHING "
    "RETURNING id::text AS id"};
// One due message, locked for the length of its attempt; another replica skips it.
inline constexpr db::Statement kClaimDueDelivery{
    "claim_due_delivery",
    "SELECT id::text AS id, address, subject, body, message_id, attempts, retry_from, "
    "(created_at AT TIME ZONE 'UTC')::text AS created_at FROM notification.deliveries "
    "WHERE state = 'pending' AND next_attempt_at <= $1::timestamptz ORDER BY next_attempt_at "
    "LIMIT 1 FOR UPDATE SKIP LOCKED"};
inline constexpr db::Statement kRecordAttempt{
    "record_attempt",
    "INSERT INTO notification.delivery_attempts (delivery_id, attempt, attempted_at, result, reply_code) "
    "VALUES ($1::uuid, $2, $3::timestamptz, $4, $5)"};
// $2: sent, pending (with $6, the next attempt's time) or dead.
inline constexpr db::Statement kFinishAttempt{
    "finish_attempt",
    "UPDATE notification.deliveries SET state = $2, attempts = $3, last_result = $4, last_reply_code = $5, "
    "next_attempt_at = coalesce($6::timestamptz, next_attempt_at), "
    "sent_at = CASE WHEN $2 = 'sent' THEN $7::timestamptz ELSE sent_at END WHERE id = $1::uuid"};
// The people and days whose digests are due, at most $2 of them.
inline constexpr db::Statement kDueDigests{
    "due_digests",
    "SELECT DISTINCT personal_code, digest_day::text AS digest_day FROM notification.deliveries "
    "WHERE state = 'held' AND digest_day <= $1::date ORDER BY digest_day LIMIT $2"};
// A person's held notices of a day, oldest first, locked: a digest takes them at most once.
inline constexpr db::Statement kTakeHeld{
    "take_held",
    "SELECT d.id::text AS id, d.address, d.language, n.kind, n.parameters::text AS parameters "
    "FROM notification.deliveries d JOIN notification.notices n ON n.id = d.notice_id "
    "WHERE d.state = 'held' AND d.personal_code = $1 AND d.digest_day = $2::date AND d.channel = $3 "
    "ORDER BY d.created_at, d.id FOR UPDATE OF d SKIP LOCKED"};
inline constexpr db::Statement kInsertDigest{
    "insert_digest",
    "INSERT INTO notification.deliveries (id, digest_day, personal_code, channel, address, language, "
    "subject, "
    "body, message_id, state) VALUES ($1::uuid, $2::date, $3, $4, $5, $6, $7, $8, $9, 'pending')"};
inline constexpr db::Statement kMarkDigested{
    "mark_digested",
    "UPDATE notification.deliveries SET state = 'digested', digest_id = $2::uuid WHERE id = ANY($1::uuid[])"};
// A confirmation code's message: to the address it confirms, at once.
inline constexpr db::Statement kInsertConfirmation{
    "insert_confirmation",
    "INSERT INTO notification.deliveries (id, personal_code, channel, address, language, subject, body, "
    "message_id, state) VALUES ($1::uuid, $2, 'confirmation', $3, $4, $5, $6, $7, 'pending')"};
// The deliveries in one state, newest first, by keyset ($2, $3: the last one seen).
inline constexpr db::Statement kListDeliveries{
    "list_deliveries",
    "SELECT id::text AS id, notice_id::text AS notice_id, channel, state, attempts, last_result, "
    "last_reply_code, " KUTSE_UTC_TEXT("created_at") " AS created_at, "
    "(created_at AT TIME ZONE 'UTC')::text AS cursor_created_at, " KUTSE_UTC_TEXT("next_attempt_at") " AS "
    "next_attempt_at FROM notification.deliveries WHERE state = $1 "
    "AND ($2::timestamp IS NULL OR (created_at, id) < ($2::timestamp AT TIME ZONE 'UTC', $3::uuid)) "
    "ORDER BY deliveries.created_at DESC, deliveries.id DESC LIMIT $4"};
// A dead message back to pending, due now, with a fresh count of attempts.
inline constexpr db::Statement kRetryDead{
    "retry_dead",
    "UPDATE notification.deliveries SET state = 'pending', retry_from = attempts, "
    "next_attempt_at = $2::timestamptz WHERE id = $1::uuid AND state = 'dead' RETURNING id::text AS id"};
inline constexpr db::Statement kDeliveryExists{
    "delivery_exists", "SELECT state FROM notification.deliveries WHERE id = $1::uuid"};

inline db::Statements MailStatements() {
  return {kPersonSettings,     kPersonSettingsForUpdate,
          kSavePersonSettings, kConfirmEmail,
          kCountFailedCode,    kInsertDelivery,
          kClaimDueDelivery,   kRecordAttempt,
          kFinishAttempt,      kDueDigests,
          kTakeHeld,           kInsertDigest,
          kMarkDigested,       kInsertConfirmation,
          kListDeliveries,     kRetryDead,
          kDeliveryExists};
}

}  // namespace kutse::notification::sql
