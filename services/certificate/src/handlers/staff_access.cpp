#include "handlers/staff_access.hpp"

#include "kutse/common/status.hpp"
#include "kutse/common/text.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::certificate {

const auth::Identity& RequireIssuingClerk(const http::Request& request) {
  const auth::Identity& caller = runtime::RequireCaller(request);
  const std::string& body_id = request.PathParam("bodyId");
  if (!common::IsRegistryCode(body_id)) {
    throw common::StatusError(common::NotFound(common::Msg("body.no_such_registry_code")));
  }
  if (!caller.IsClerkOf(body_id)) {
    throw common::StatusError(common::PermissionDenied(common::Msg("issuing.clerks_only")));
  }
  return caller;
}

const auth::Identity& RequireBodyStaff(const http::Request& request, common::Message refusal) {
  const auth::Identity& caller = runtime::RequireCaller(request);
  const std::string& body_id = request.PathParam("bodyId");
  if (!caller.IsPerson() || !(caller.IsClerkOf(body_id) || caller.IsAdmin())) {
    throw common::StatusError(common::PermissionDenied(std::move(refusal)));
  }
  return caller;
}

}  // namespace kutse::certificate
