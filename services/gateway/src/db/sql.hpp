// Every SQL statement of the gateway, named, in one place.
#pragma once

#include "kutse/db/pool.hpp"

namespace kutse::gateway::sql {

inline constexpr const char* kCreateLoginAttempt = "create_login_attempt";
inline constexpr const char* kTakeLoginAttempt = "take_login_attempt";
inline constexpr const char* kCreateSession = "create_session";
inline constexpr const char* kFindSession = "find_session";
inline constexpr const char* kTouchSession = "touch_session";
inline constexpr const char* kEndSession = "end_session";
inline constexpr const char* kAnnounceSessionEnded = "announce_session_ended";
inline constexpr const char* kGrantRole = "grant_role";
inline constexpr const char* kWithdrawRole = "withdraw_role";
inline constexpr const char* kListRoleAssignments = "list_role_assignments";
inline constexpr const char* kAnnounceRolesChanged = "announce_roles_changed";
inline constexpr const char* kCreateApiClient = "create_api_client";
inline constexpr const char* kRotateApiClientSecret = "rotate_api_client_secret";
inline constexpr const char* kRevokeApiClient = "revoke_api_client";
inline constexpr const char* kListApiClients = "list_api_clients";
inline constexpr const char* kFindApiClient = "find_api_client";
inline constexpr const char* kAllowedOrigins = "allowed_origins";

inline db::Statements Statements() {
  return {
      {kCreateLoginAttempt,
       "INSERT INTO gateway.login_attempts (state, nonce, code_verifier, return_to, expires_at) "
       "VALUES ($1, $2, $3, $4, now() + interval '10 minutes')"},
      // Single use: the row is gone whatever the outcome of the callback.
      {kTakeLoginAttempt,
       "DELETE FROM gateway.login_attempts WHERE state = $1 RETURNING nonce, code_verifier, return_to, "
       "expires_at > now()"},
      {kCreateSession,
       "INSERT INTO gateway.sessions (id_hash, personal_code, given_name, family_name, csrf_token, amr, acr, "
       "idle_expires_at, absolute_expires_at) VALUES ($1, $2, $3, $4, $5, string_to_array($6, ','), $7, "
       "now() + make_interval(mins => $8::int), now() + make_interval(hours => $9::int))"},
      // The live session with the person's active staff roles ("clerk:80012345,admin").
      {kFindSession,
       "SELECT s.personal_code, s.given_name, s.family_name, s.csrf_token, array_to_string(s.amr, ','), "
       "s.acr, "
       "to_char(least(s.idle_expires_at, s.absolute_expires_at) AT TIME ZONE 'UTC', "
       "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), s.last_seen_at < now() - interval '1 minute', "
       "coalesce((SELECT string_agg(r.role || coalesce(':' || r.body_id, ''), ',' ORDER BY r.id) "
       "FROM gateway.role_assignments r WHERE r.personal_code = s.personal_code AND r.withdrawn_at IS NULL), "
       "'') "
       "FROM gateway.sessions s WHERE s.id_hash = $1 AND s.ended_at IS NULL AND s.idle_expires_at > now() "
       "AND s.absolute_expires_at > now()"},
      {kTouchSession,
       "UPDATE gateway.sessions SET last_seen_at = now(), "
       "idle_expires_at = least(now() + make_interval(mins => $2::int), absolute_expires_at) "
       "WHERE id_hash = $1 AND ended_at IS NULL"},
      {kEndSession, "UPDATE gateway.sessions SET ended_at = now() WHERE id_hash = $1 AND ended_at IS NULL"},
      {kAnnounceSessionEnded, "SELECT pg_notify('kutse_session_ended', $1)"},
      {kGrantRole,
       "INSERT INTO gateway.role_assignments (personal_code, role, body_id, granted_by, grant_reason) "
       "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id"},
      {kWithdrawRole,
       "UPDATE gateway.role_assignments SET withdrawn_by = $2, withdrawn_at = now(), withdraw_reason = $3 "
       "WHERE id = $1 AND withdrawn_at IS NULL RETURNING personal_code"},
      {kListRoleAssignments,
       "SELECT id, personal_code, role, body_id, granted_by, "
       "to_char(granted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), grant_reason, "
       "withdrawn_by, "
       "to_char(withdrawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), withdraw_reason "
       "FROM gateway.role_assignments WHERE ($1::text IS NULL OR personal_code = $1) "
       "AND ($2::text IS NULL OR body_id = $2) AND ($3::boolean OR withdrawn_at IS NULL) "
       "AND ($4::bigint IS NULL OR id < $4) ORDER BY id DESC LIMIT $5"},
      // Delivered on commit to every gateway replica: drop that person's cached sessions.
      {kAnnounceRolesChanged, "SELECT pg_notify('kutse_roles_changed', $1)"},
      {kCreateApiClient,
       "INSERT INTO gateway.api_clients (client_id, body_id, name, secret_hash, scopes, allowed_origins, "
       "rate_limit_per_minute, created_by) VALUES ($1, $2, $3, $4, string_to_array($5, ' '), "
       "coalesce(string_to_array(nullif($6, ''), ' '), '{}'), $7, $8)"},
      {kRotateApiClientSecret,
       "UPDATE gateway.api_clients SET secret_hash = $3, secret_rotated_by = $4, secret_rotated_at = now() "
       "WHERE body_id = $1 AND client_id = $2 AND revoked_at IS NULL"},
      {kRevokeApiClient,
       "UPDATE gateway.api_clients SET revoked_by = $3, revoked_at = now() "
       "WHERE body_id = $1 AND client_id = $2 AND revoked_at IS NULL"},
      {kListApiClients,
       "SELECT client_id, name, array_to_string(scopes, ' '), array_to_string(allowed_origins, ' '), "
       "rate_limit_per_minute, created_by, "
       "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
       "to_char(secret_rotated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
       "to_char(revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') "
       "FROM gateway.api_clients WHERE body_id = $1 ORDER BY created_at, client_id"},
      {kFindApiClient,
       "SELECT body_id, name, secret_hash, array_to_string(scopes, ' '), array_to_string(allowed_origins, ' "
       "'), "
       "rate_limit_per_minute, revoked_at IS NOT NULL FROM gateway.api_clients WHERE client_id = $1"},
      {kAllowedOrigins,
       "SELECT DISTINCT unnest(allowed_origins) FROM gateway.api_clients WHERE revoked_at IS NULL"},
  };
}

}  // namespace kutse::gateway::sql
