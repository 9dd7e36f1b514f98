#include "kutse/runtime/caller.hpp"

#include "kutse/common/log.hpp"
#include "kutse/common/status.hpp"

namespace kutse::runtime {

void ResolveCaller(auth::TokenVerifier& verifier, http::Request& request) {
  auto header = request.Header("authorization");
  if (!header) {
    return;
  }
  const std::string prefix = "Bearer ";
  if (header->rfind(prefix, 0) != 0) {
    throw common::StatusError(common::Unauthenticated(common::Msg("runtime.token_malformed")));
  }
  auto verified = verifier.Verify(header->substr(prefix.size()));
  if (!verified.identity) {
    common::log::Warn("internal token refused",
                      {{"reason", auth::Describe(verified.problem)}, {"trace_id", request.request_id}});
    throw common::StatusError(common::Unauthenticated(common::Msg("runtime.token_refused")));
  }
  request.caller = std::move(verified.identity);
}

const auth::Identity& RequireCaller(const http::Request& request) {
  if (!request.caller) {
    throw common::StatusError(common::Unauthenticated(common::Msg("runtime.sign_in")));
  }
  return *request.caller;
}

const auth::Identity& RequirePerson(const http::Request& request) {
  const auth::Identity& caller = RequireCaller(request);
  if (!caller.IsPerson()) {
    throw common::StatusError(common::PermissionDenied(common::Msg("runtime.persons_only")));
  }
  return caller;
}

const auth::Identity& RequireAdmin(const http::Request& request) {
  const auth::Identity& caller = RequirePerson(request);
  if (!caller.IsAdmin()) {
    throw common::StatusError(common::PermissionDenied(common::Msg("runtime.admins_only")));
  }
  return caller;
}

}  // namespace kutse::runtime
