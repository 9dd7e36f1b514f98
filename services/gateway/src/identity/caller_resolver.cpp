#include "identity/caller_resolver.hpp"

#include <openssl/crypto.h>

#include "identity/dev_identity.hpp"
#include "kutse/common/status.hpp"
#include "session/session_cookie.hpp"

namespace kutse::gateway {
namespace {

bool SameSecret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

bool IsUnsafeMethod(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

bool CallerResolver::FromDevHeader(http::Request& request) const {
  if (!options_.dev_identity_enabled) {
    return false;
  }
  auto header = request.Header(kDevIdentityHeader);
  if (!header) {
    return false;
  }
  request.caller = ParseDevIdentity(*header);
  if (!request.caller) {
    throw common::StatusError(common::Unauthenticated(common::Msg("identity.dev_header_malformed")));
  }
  return true;
}

void CallerResolver::FromSession(http::Request& request, const Session& session) const {
  // A cookie rides along on cross-site requests; the CSRF token, which only our own pages can
  // read (from GET /api/v1/me), does not.
  if (IsUnsafeMethod(request.method) &&
      !SameSecret(request.Header(kCsrfHeader).value_or(""), session.csrf_token)) {
    throw common::StatusError(
        common::PermissionDenied(common::Msg("identity.csrf_missing")).WithReason("csrf_failed"));
  }
  auth::Identity identity;
  identity.kind = auth::Identity::Kind::kPerson;
  identity.personal_code = session.personal_code;
  identity.name = session.given_name + " " + session.family_name;
  identity.roles = {"holder"};
  for (const auto& role : session.staff_roles) {
    if (auth::IsValidRole(role)) {
      identity.roles.push_back(role);
    }
  }
  if (options_.bootstrap_admins.count(session.personal_code) != 0 && !identity.IsAdmin()) {
    identity.roles.push_back("admin");
  }
  request.caller = identity;
}

void CallerResolver::FromClient(http::Request& request, const std::optional<ApiClient>& client) const {
  if (!client) {
    throw common::StatusError(common::Unauthenticated(common::Msg("identity.client_refused"))
                                  .WithChallenge("Basic realm=\"kutse\""));
  }
  int wait = 0;
  if (!limiter_.Allow(client->client_id, client->rate_limit_per_minute, wait)) {
    throw common::StatusError(common::ResourceExhausted(common::Msg("identity.client_rate_limited"))
                                  .WithRetryAfter(std::chrono::seconds(wait)));
  }
  auth::Identity identity;
  identity.kind = auth::Identity::Kind::kApiClient;
  identity.client_id = client->client_id;
  identity.name = client->name;
  identity.roles = {"apiclient:" + client->body_id};
  identity.scopes = client->scopes;
  request.caller = identity;
}

void CallerResolver::Resolve(http::Request& request) const {
  if (auto origin = request.Header("origin")) {
    clients_.IsAllowedOrigin(*origin);  // refreshes the registered origins for the CORS answer
  }
  if (FromDevHeader(request)) {
    return;
  }
  if (auto authorization = request.Header("authorization")) {
    std::string client_id;
    std::string secret;
    if (!ParseBasicCredentials(*authorization, client_id, secret)) {
      FromClient(request, std::nullopt);
    }
    FromClient(request, clients_.Authenticate(client_id, secret));
    return;
  }
  auto cookie = request.Header("cookie");
  auto session_id = cookie ? CookieValue(*cookie, kSessionCookie) : std::nullopt;
  if (!session_id) {
    return;
  }
  if (auto session = sessions_.Find(*session_id)) {
    FromSession(request, *session);
  }
  // Otherwise ended or expired: the caller is anonymous, and protected routes answer 401.
}

bool CallerResolver::TryResolveWithoutBlocking(http::Request& request) const {
  if (auto origin = request.Header("origin"); origin && !clients_.IsAllowedOriginCached(*origin)) {
    return false;  // the registered origins must be read first, off the I/O thread
  }
  if (FromDevHeader(request)) {
    return true;
  }
  if (auto authorization = request.Header("authorization")) {
    std::string client_id;
    std::string secret;
    if (!ParseBasicCredentials(*authorization, client_id, secret)) {
      FromClient(request, std::nullopt);
    }
    auto cached = clients_.AuthenticateCached(client_id, secret);
    if (!cached) {
      return false;
    }
    FromClient(request, *cached);
    return true;
  }
  auto cookie = request.Header("cookie");
  auto session_id = cookie ? CookieValue(*cookie, kSessionCookie) : std::nullopt;
  if (!session_id) {
    return true;  // anonymous
  }
  auto session = sessions_.FindCached(*session_id);
  if (!session) {
    return false;
  }
  FromSession(request, *session);
  return true;
}

}  // namespace kutse::gateway
