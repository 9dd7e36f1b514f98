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
      {kFindSession,
       "SELECT personal_code, given_name, family_name, csrf_token, array_to_string(amr, ','), acr, "
       "to_char(least(idle_expires_at, absolute_expires_at) AT TIME ZONE 'UTC', "
       "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
       "last_seen_at < now() - interval '1 minute' "
       "FROM gateway.sessions WHERE id_hash = $1 AND ended_at IS NULL AND idle_expires_at > now() "
       "AND absolute_expires_at > now()"},
      {kTouchSession,
       "UPDATE gateway.sessions SET last_seen_at = now(), "
       "idle_expires_at = least(now() + make_interval(mins => $2::int), absolute_expires_at) "
       "WHERE id_hash = $1 AND ended_at IS NULL"},
      {kEndSession, "UPDATE gateway.sessions SET ended_at = now() WHERE id_hash = $1 AND ended_at IS NULL"},
      {kAnnounceSessionEnded, "SELECT pg_notify('kutse_session_ended', $1)"},
  };
}

}  // namespace kutse::gateway::sql
