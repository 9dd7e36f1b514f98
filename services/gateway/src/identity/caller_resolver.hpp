// Who is calling the gateway: the session cookie's person with roles, an awarding body's API client
// (HTTP Basic, rate-limited), or in tests the development-only header; and CSRF protection for
// every unsafe method of a cookie-authenticated request.
#pragma once

#include <set>
#include <string>

#include "clients/api_clients.hpp"
#include "clients/rate_limiter.hpp"
#include "kutse/http/request.hpp"
#include "session/session_store.hpp"

namespace kutse::gateway {

inline constexpr const char* kCsrfHeader = "x-csrf-token";

struct CallerResolverOptions {
  bool dev_identity_enabled = false;
  std::set<std::string> bootstrap_admins;  // personal codes that are admins from configuration
};

class CallerResolver {
 public:
  CallerResolver(SessionStore& sessions, ApiClients& clients, CallerResolverOptions options)
      : sessions_(sessions), clients_(clients), options_(std::move(options)) {}

  // Sets request.caller; throws StatusError: unauthenticated (malformed dev header) or csrf_failed. May read
  // the database.
  void Resolve(http::Request& request) const;
  // The same without blocking: false when the session is not in memory and Resolve must run.
  bool TryResolveWithoutBlocking(http::Request& request) const;

 private:
  bool FromDevHeader(http::Request& request) const;
  void FromSession(http::Request& request, const Session& session) const;
  void FromClient(http::Request& request, const std::optional<ApiClient>& client) const;

  SessionStore& sessions_;
  ApiClients& clients_;
  CallerResolverOptions options_;
  mutable RateLimiter limiter_;
};

bool IsUnsafeMethod(const std::string& method);

}  // namespace kutse::gateway
