// Every SQL statement of the gateway, its name beside its text, in one place. Tables are always
// schema-qualified; rows are read by column name. Prepared on each pooled connection.
#pragma once

#include "kutse/db/pool.hpp"
#include "kutse/db/sql_text.hpp"

namespace kutse::gateway::sql {

// ---- logins in progress --------------------------------------------------------------------------

inline constexpr db::Statement kCreateLoginAttempt{
    "create_login_attempt",
    "INSERT INTO gateway.login_attempts (state, nonce, code_verifier, return_to, expires_at) "
    "VALUES ($1, $2, $3, $4, now() + interval '10 minutes')"};
// Single use: the row is gone whatever the outcome of the callback.
inline constexpr db::Statement kTakeLoginAttempt{
    "take_login_attempt",
    "DELETE FROM gateway.login_attempts WHERE state = $1 RETURNING nonce, code_verifier, return_to, "
    "expires_at > now() AS still_valid"};

// ---- sessions ------------------------------------------------------------------------------------

// $6: the authentication methods joined by ','; $8: idle minutes, $9: absolute hours.
inline constexpr db::Statement kCreateSession{
    "create_session",
    "INSERT INTO gateway.sessions (id_hash, personal_code, given_name, family_name, csrf_token, amr, acr, "
    "idle_expires_at, absolute_expires_at) VALUES ($1, $2, $3, $4, $5, string_to_array($6, ','), $7, "
    "now() + make_interval(mins => $8::int), now() + make_interval(hours => $9::int))"};
// The live session with the person's active staff roles ("clerk:80012345,admin"); touch_due once
// the session was last extended over a minute ago.
inline constexpr db::Statement kFindSession{
    "find_session",
    "SELECT s.personal_code, s.given_name, s.family_name, s.csrf_token, array_to_string(s.amr, ',') AS amr, "
    "s.acr, "
    "to_char(least(s.idle_expires_at, s.absolute_expires_at) AT TIME ZONE 'UTC', "
    "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS expires_at, s.last_seen_at < now() - interval '1 minute' AS "
    "touch_due, "
    "coalesce((SELECT string_agg(r.role || coalesce(':' || r.body_id, ''), ',' ORDER BY r.id) "
    "FROM gateway.role_assignments r WHERE r.personal_code = s.personal_code AND r.withdrawn_at IS NULL), "
    "'') AS staff_roles "
    "FROM gateway.sessions s WHERE s.id_hash = $1 AND s.ended_at IS NULL AND s.idle_expires_at > now() "
    "AND s.absolute_expires_at > now()"};
inline constexpr db::Statement kTouchSession{
    "touch_session",
    "UPDATE gateway.sessions SET last_seen_at = now(), "
    "idle_expires_at = least(now() + make_interval(mins => $2::int), absolute_expires_at) "
    "WHERE id_hash = $1 AND ended_at IS NULL"};
inline constexpr db::Statement kEndSession{
    "end_session", "UPDATE gateway.sessions SET ended_at = now() WHERE id_hash = $1 AND ended_at IS NULL"};
// Delivered on commit to every gateway replica: drop that session from the cache.
inline constexpr db::Statement kAnnounceSessionEnded{"announce_session_ended",
                                                     "SELECT pg_notify('kutse_session_ended', $1)"};

// ---- staff roles ---------------------------------------------------------------------------------

// No row when the same role is already active for that person (and body).
inline constexpr db::Statement kGrantRole{
    "grant_role",
    "INSERT INTO gateway.role_assignments (personal_code, role, body_id, granted_by, grant_reason) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id"};
inline constexpr db::Statement kWithdrawRole{
    "withdraw_role",
    "UPDATE gateway.role_assignments SET withdrawn_by = $2, withdrawn_at = now(), withdraw_reason = $3 "
    "WHERE id = $1 AND withdrawn_at IS NULL RETURNING personal_code"};
// Newest first; $4 is a keyset: only assignments older than that id.
inline constexpr db::Statement kListRoleAssignments{
    "list_role_assignments",
    "SELECT id, personal_code, role, body_id, granted_by, "
    KUTSE_UTC_TEXT("granted_at") " AS granted_at, "
    "grant_reason, "
    "withdrawn_by, "
    KUTSE_UTC_TEXT("withdrawn_at") " AS withdrawn_at, "
    "withdraw_reason "
    "FROM gateway.role_assignments WHERE ($1::text IS NULL OR personal_code = $1) "
    "AND ($2::text IS NULL OR body_id = $2) AND ($3::boolean OR withdrawn_at IS NULL) "
    "AND ($4::bigint IS NULL OR id < $4) ORDER BY id DESC LIMIT $5"};
// Delivered on commit to every gateway replica: drop that person's cached sessions.
inline constexpr db::Statement kAnnounceRolesChanged{"announce_roles_changed",
                                                     "SELECT pg_notify('kutse_roles_changed', $1)"};

// ---- API clients ---------------------------------------------------------------------------------

// $5: the scopes joined by ' '; $6: the origins joined by ' ', empty for none.
inline constexpr db::Statement kCreateApiClient{
    "create_api_client",
    "INSERT INTO gateway.api_clients (client_id, body_id, name, secret_hash, scopes, allowed_origins, "
    "rate_limit_per_minute, created_by) VALUES ($1, $2, $3, $4, string_to_array($5, ' '), "
    "coalesce(string_to_array(nullif($6, ''), ' '), '{}'), $7, $8)"};
inline constexpr db::Statement kRotateApiClientSecret{
    "rotate_api_client_secret",
    "UPDATE gateway.api_clients SET secret_hash = $3, secret_rotated_by = $4, secret_rotated_at = now() "
    "WHERE body_id = $1 AND client_id = $2 AND revoked_at IS NULL"};
inline constexpr db::Statement kRevokeApiClient{
    "revoke_api_client",
    "UPDATE gateway.api_clients SET revoked_by = $3, revoked_at = now() "
    "WHERE body_id = $1 AND client_id = $2 AND revoked_at IS NULL"};
// Ordered by the table's created_at (qualified), not by the text of the same name.
inline constexpr db::Statement kListApiClients{
    "list_api_clients",
    "SELECT client_id, name, array_to_string(scopes, ' ') AS scopes, "
    "array_to_string(allowed_origins, ' ') AS allowed_origins, rate_limit_per_minute, created_by, "
    KUTSE_UTC_TEXT("created_at") " AS created_at, "
    KUTSE_UTC_TEXT("secret_rotated_at") " AS "
    "secret_rotated_at, "
    KUTSE_UTC_TEXT("revoked_at") " AS revoked_at "
    "FROM gateway.api_clients WHERE body_id = $1 ORDER BY api_clients.created_at, client_id"};
inline constexpr db::Statement kFindApiClient{
    "find_api_client",
    "SELECT body_id, name, secret_hash, array_to_string(scopes, ' ') AS scopes, "
    "array_to_string(allowed_origins, ' ') AS allowed_origins, rate_limit_per_minute, "
    "revoked_at IS NOT NULL AS revoked FROM gateway.api_clients WHERE client_id = $1"};
inline constexpr db::Statement kAllowedOrigins{
    "allowed_origins",
    "SELECT DISTINCT unnest(allowed_origins) AS origin FROM gateway.api_clients WHERE revoked_at IS NULL"};

inline db::Statements Statements() {
  return {kCreateLoginAttempt,    kTakeLoginAttempt,    kCreateSession,        kFindSession,
          kTouchSession,          kEndSession,          kAnnounceSessionEnded, kGrantRole,
          kWithdrawRole,          kListRoleAssignments, kAnnounceRolesChanged, kCreateApiClient,
          kRotateApiClientSecret, kRevokeApiClient,     kListApiClients,       kFindApiClient,
          kAllowedOrigins};
}

}  // namespace kutse::gateway::sql
