#include "handlers/admin_roles.hpp"

#include "kutse/common/personal_code.hpp"
#include "kutse/http/problem.hpp"

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
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  long long id = std::stoll(text);
  return id > 0 ? std::optional<long long>(id) : std::nullopt;
}

http::HttpError BadQuery(const std::string& pointer, const std::string& detail) {
  return http::HttpError(
      http::Problem{400, "bad_request", "A query parameter is not valid.", {{pointer, detail}}});
}

}  // namespace

http::Response ListRoleAssignments(RoleAssignments& roles, http::Request& request) {
  RequireAdmin(request);
  RoleQuery query;
  if (auto code = request.QueryParam("personal_code")) {
    if (!common::IsValidPersonalCode(*code)) {
      throw BadQuery("/personal_code", "must be a valid Estonian personal code");
    }
    query.personal_code = *code;
  }
  if (auto body = request.QueryParam("body_id")) {
    if (body->size() != 8 || body->find_first_not_of("0123456789") != std::string::npos) {
      throw BadQuery("/body_id", "must be an 8-digit registry code");
    }
    query.body_id = *body;
  }
  if (auto withdrawn = request.QueryParam("include_withdrawn")) {
    if (*withdrawn != "true" && *withdrawn != "false") {
      throw BadQuery("/include_withdrawn", "must be true or false");
    }
    query.include_withdrawn = *withdrawn == "true";
  }
  if (auto limit = request.QueryParam("limit")) {
    auto value = PositiveId(*limit);
    if (!value || *value > 100) {
      throw BadQuery("/limit", "must be 1 to 100");
    }
    query.limit = static_cast<int>(*value);
  }
  if (auto cursor = request.QueryParam("cursor")) {
    query.before_id = PositiveId(*cursor);
    if (!query.before_id) {
      throw BadQuery("/cursor", "unknown cursor");
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
    throw BadQuery("/reason", "at most 500 characters");
  }
  auto personal_code = id ? roles.Withdraw(*id, admin.Subject(), reason) : std::nullopt;
  if (!personal_code) {
    throw http::HttpError(404, "not_found", "There is no active role assignment with this id.");
  }
  sessions.ForgetPerson(*personal_code);
  http::Response response;
  response.status = 204;
  response.content_type = "";
  return response;
}

}  // namespace kutse::gateway
