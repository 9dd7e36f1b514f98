#include "kutse/runtime/service_caller.hpp"

#include "kutse/common/log.hpp"
#include "kutse/common/status.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::runtime {

void ResolveCallerOrService(auth::TokenVerifier& gateway, const auth::ServiceTokenVerifier& services,
                            http::Request& request) {
  auto header = request.Header("authorization");
  const std::string prefix = "Bearer ";
  if (!header || header->rfind(prefix, 0) != 0 || !services.NamesTrustedKey(header->substr(prefix.size()))) {
    ResolveCaller(gateway, request);
    return;
  }
  auto verified = services.Verify(header->substr(prefix.size()));
  if (!verified.ok()) {
    common::log::Warn("service token refused",
                      {{"reason", verified.status().message().key}, {"trace_id", request.request_id}});
    throw common::StatusError(common::Unauthenticated(common::Msg("runtime.service_token_refused")));
  }
  request.caller = std::move(verified).value();
}

const auth::Identity& RequireService(const http::Request& request, const std::string& service) {
  if (!request.caller) {
    throw common::StatusError(common::Unauthenticated(common::Msg("runtime.service_token_missing")));
  }
  if (!request.caller->IsService() || request.caller->service != service) {
    throw common::StatusError(
        common::PermissionDenied(common::Msg("runtime.for_service_only", {{"service", service}})));
  }
  return *request.caller;
}

}  // namespace kutse::runtime
