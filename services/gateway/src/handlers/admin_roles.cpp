#include "handlers/admin_roles.hpp"

#include <limits>

#include "kutse/common/personal_code.hpp"
#include "kutse/common/text.hpp"
#include "kutse/http/problem.hpp"
#include "kutse/http/query.hpp"

namespace kutse::gateway {
namespace {

const auth::Identity& RequireAdmin(const http::Request& request) {
  if (!request.caller) {
    throw http::HttpError(401, "unauthenticated", "Sign in to use this resource.");
  }
  if (!request.caller->IsAdmin()) {
    throw http::HttpError(403, "forbidden", "Only the register keeper's admins manage roles.");
  }
  return *request.caller;
}

std::optional<long long> PositiveId(const std::string& text) {
  return http::ParsePositive(text, std::numeric_limits<long long>::max());
}

}  // namespace

http::Response ListRoleAssignments(RoleAssignments& roles, http::Request& request) {
  RequireAdmin(request);
  RoleQuery query;
  if (auto code = request.QueryParam("personal_code")) {
    if (!common::IsValidPersonalCode(*code)) {
      throw http::BadQuery("/personal_code", "must be a valid Estonian personal code");
    }
    query.personal_code = *code;
  }
  if (auto body = request.QueryParam("body_id")) {
    if (!common::IsRegistryCode(*body)) {
      throw http::BadQuery("/body_id", "must be an 8-digit registry code");
    }
    query.body_id = *body;
  }
  if (auto withdrawn = request.QueryParam("include_withdrawn")) {
    if (*withdrawn != "true" && *withdrawn != "false") {
      throw http::BadQuery("/include_withdrawn", "must be true or false");
    }
    query.include_withdrawn = *withdrawn == "true";
  }
  query.limit = http::PageSize(request, query.limit);
  if (auto cursor = request.QueryParam("cursor")) {
    query.before_id = PositiveId(*cursor);
    if (!query.before_id) {
      throw http::BadQuery("/cursor", "unknown cursor");
    }
  }
  ++query.limit;  // one more tells whether there is a next page
  nlohmann::json items = roles.List(query);
  nlohmann::json next = nullptr;
  if (static_cast<int>(items.size()) == query.limit) {
    items.erase(items.end() - 1);
    next = std::to_string(items.back()["id"].get<long long>());
  }
  return http::Response::Json(200, {{"items", items}, {"next_cursor", next}});
}

http::Response GrantRole(RoleAssignments& roles, SessionStore& sessions, http::Request& request) {
  const auth::Identity& admin = RequireAdmin(request);
  auto parsed = ParseRoleGrant(request.JsonBody());
  if (auto* errors = std::get_if<std::vector<http::FieldError>>(&parsed)) {
    throw http::HttpError(
        http::Problem{422, "validation_failed", "Some fields are missing or wrong.", *errors});
  }
  const RoleGrant& grant = std::get<RoleGrant>(parsed);
  auto id = roles.Grant(grant, admin.Subject());
  if (!id) {
    throw http::HttpError(409, "conflict", "This person already has this role.");
  }
  sessions.ForgetPerson(grant.personal_code);
  RoleQuery query;
  query.personal_code = grant.personal_code;
  query.before_id = *id + 1;
  query.limit = 1;
  return http::Response::Json(201, roles.List(query).at(0));
}

http::Response WithdrawRole(RoleAssignments& roles, SessionStore& sessions, http::Request& request) {
  const auth::Identity& admin = RequireAdmin(request);
  auto id = PositiveId(request.PathParam("assignmentId"));
  std::string reason = request.QueryParam("reason").value_or("");
  if (reason.size() > 500) {
    throw http::BadQuery("/reason", "at most 500 characters");
  }
  auto personal_code = id ? roles.Withdraw(*id, admin.Subject(), reason) : std::nullopt;
  if (!personal_code) {
    throw http::HttpError(404, "not_found", "There is no active role assignment with this id.");
  }
  sessions.ForgetPerson(*personal_code);
  return http::Response::NoContent();
}

}  // namespace kutse::gateway
