#include "handlers/body_api_clients.hpp"

#include "kutse/common/status.hpp"
#include "kutse/common/text.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::gateway {
namespace {

// The body's clerk or an admin; anyone else learns nothing about the body's clients.
const auth::Identity& RequireBodyStaff(const http::Request& request) {
  const auth::Identity& caller = runtime::RequireCaller(request);
  const std::string& body_id = request.PathParam("bodyId");
  if (!common::IsRegistryCode(body_id)) {
    throw common::StatusError(common::NotFound(common::Msg("clients.no_such_body")));
  }
  if (!caller.IsPerson() || !(caller.IsClerkOf(body_id) || caller.IsAdmin())) {
    throw common::StatusError(common::PermissionDenied(common::Msg("clients.staff_only")));
  }
  return caller;
}

}  // namespace

http::Response ListApiClients(ApiClients& clients, http::Request& request) {
  RequireBodyStaff(request);
  return http::Response::Json(200, {{"items", clients.List(request.PathParam("bodyId"))}});
}

http::Response CreateApiClient(ApiClients& clients, http::Request& request) {
  const auth::Identity& staff = RequireBodyStaff(request);
  NewApiClient client = common::ValueOrThrow(ParseNewApiClient(request.JsonBody()));
  IssuedClient issued = clients.Create(request.PathParam("bodyId"), client, staff.Subject());
  nlohmann::json body = issued.client;
  body["client_secret"] = issued.client_secret;
  return http::Response::Json(201, body).WithHeader("Cache-Control", "no-store");
}

http::Response RotateApiClientSecret(ApiClients& clients, http::Request& request) {
  const auth::Identity& staff = RequireBodyStaff(request);
  const std::string& client_id = request.PathParam("clientId");
  auto secret = clients.RotateSecret(request.PathParam("bodyId"), client_id, staff.Subject());
  if (!secret) {
    throw common::StatusError(common::NotFound(common::Msg("clients.no_such_client")));
  }
  return http::Response::Json(200, {{"client_id", client_id}, {"client_secret", *secret}})
      .WithHeader("Cache-Control", "no-store");
}

http::Response RevokeApiClient(ApiClients& clients, http::Request& request) {
  const auth::Identity& staff = RequireBodyStaff(request);
  if (!clients.Revoke(request.PathParam("bodyId"), request.PathParam("clientId"), staff.Subject())) {
    throw common::StatusError(common::NotFound(common::Msg("clients.no_such_client")));
  }
  return http::Response::NoContent();
}

}  // namespace kutse::gateway
