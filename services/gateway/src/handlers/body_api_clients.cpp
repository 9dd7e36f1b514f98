#include "handlers/body_api_clients.hpp"

#include "kutse/common/text.hpp"
#include "kutse/http/problem.hpp"

namespace kutse::gateway {
namespace {

// The body's clerk or an admin; anyone else learns nothing about the body's clients.
const auth::Identity& RequireBodyStaff(const http::Request& request) {
  if (!request.caller) {
    throw http::HttpError(401, "unauthenticated", "Sign in to use this resource.");
  }
  const std::string& body_id = request.PathParam("bodyId");
  if (!common::IsRegistryCode(body_id)) {
    throw http::HttpError(404, "not_found", "There is no awarding body with this registry code.");
  }
  if (!request.caller->IsPerson() || !(request.caller->IsClerkOf(body_id) || request.caller->IsAdmin())) {
    throw http::HttpError(403, "forbidden", "Only this body's clerks or an admin manage its API clients.");
  }
  return *request.caller;
}

}  // namespace

http::Response ListApiClients(ApiClients& clients, http::Request& request) {
  RequireBodyStaff(request);
  return http::Response::Json(200, {{"items", clients.List(request.PathParam("bodyId"))}});
}

http::Response CreateApiClient(ApiClients& clients, http::Request& request) {
  const auth::Identity& staff = RequireBodyStaff(request);
  auto parsed = ParseNewApiClient(request.JsonBody());
  if (auto* errors = std::get_if<std::vector<http::FieldError>>(&parsed)) {
    throw http::HttpError(
        http::Problem{422, "validation_failed", "Some fields are missing or wrong.", *errors});
  }
  IssuedClient issued =
      clients.Create(request.PathParam("bodyId"), std::get<NewApiClient>(parsed), staff.Subject());
  nlohmann::json body = issued.client;
  body["client_secret"] = issued.client_secret;
  return http::Response::Json(201, body).WithHeader("Cache-Control", "no-store");
}

http::Response RotateApiClientSecret(ApiClients& clients, http::Request& request) {
  const auth::Identity& staff = RequireBodyStaff(request);
  const std::string& client_id = request.PathParam("clientId");
  auto secret = clients.RotateSecret(request.PathParam("bodyId"), client_id, staff.Subject());
  if (!secret) {
    throw http::HttpError(404, "not_found", "This body has no active API client with this id.");
  }
  return http::Response::Json(200, {{"client_id", client_id}, {"client_secret", *secret}})
      .WithHeader("Cache-Control", "no-store");
}

http::Response RevokeApiClient(ApiClients& clients, http::Request& request) {
  const auth::Identity& staff = RequireBodyStaff(request);
  if (!clients.Revoke(request.PathParam("bodyId"), request.PathParam("clientId"), staff.Subject())) {
    throw http::HttpError(404, "not_found", "This body has no active API client with this id.");
  }
  return http::Response::NoContent();
}

}  // namespace kutse::gateway
