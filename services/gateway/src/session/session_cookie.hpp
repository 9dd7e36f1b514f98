// The session cookie: its name, how it is set and cleared, and how it is read back. No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::gateway {

inline constexpr const char* kSessionCookie = "kutse_session";

// HttpOnly and SameSite=Lax always; Secure unless the public URL is plain http (local development).
std::string SessionCookieHeader(const std::string& session_id, bool secure, int max_age_seconds);
std::string ClearedSessionCookieHeader(bool secure);
// The value of one cookie from a Cookie header; nullopt when absent or not a plausible id.
std::optional<std::string> CookieValue(const std::string& cookie_header, const std::string& name);
// A path on this site to return to after sign-in: "/..." but never "//host" or a full URL.
bool IsSafeReturnPath(const std::string& path);

}  // namespace kutse::gateway
