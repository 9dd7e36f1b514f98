#include "kutse/runtime/caller.hpp"

#include "kutse/common/log.hpp"
#include "kutse/http/problem.hpp"

namespace kutse::runtime {

void ResolveCaller(auth::TokenVerifier& verifier, http::Request& request) {
  auto header = request.Header("authorization");
  if (!header) {
    return;
  }
  const std::string prefix = "Bearer ";
  if (header->rfind(prefix, 0) != 0) {
    throw http::HttpError(401, "unauthenticated", "The internal service token is missing or malformed.");
  }
  auto verified = verifier.Verify(header->substr(prefix.size()));
  if (!verified.identity) {
    common::log::Warn("internal token refused",
                      {{"reason", auth::Describe(verified.problem)}, {"trace_id", request.request_id}});
    throw http::HttpError(401, "unauthenticated", "The internal service token was refused.");
  }
  request.caller = std::move(verified.identity);
}

const auth::Identity& RequireCaller(const http::Request& request) {
  if (!request.caller) {
    throw http::HttpError(401, "unauthenticated", "Sign in to use this resource.");
  }
  return *request.caller;
}

const auth::Identity& RequirePerson(const http::Request& request) {
  const auth::Identity& caller = RequireCaller(request);
  if (!caller.IsPerson()) {
    throw http::HttpError(403, "forbidden", "This resource is for signed-in persons only.");
  }
  return caller;
}

const auth::Identity& RequireAdmin(const http::Request& request) {
  const auth::Identity& caller = RequirePerson(request);
  if (!caller.IsAdmin()) {
    throw http::HttpError(403, "forbidden", "Only the register's administrators may do this.");
  }
  return caller;
}

}  // namespace kutse::runtime
