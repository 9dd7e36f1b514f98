#include "handlers/admin_roles.hpp"

#include <limits>

#include "kutse/common/personal_code.hpp"
#include "kutse/common/text.hpp"
#include "kutse/http/json_fields.hpp"
#include "kutse/http/query.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::gateway {
namespace {

std::optional<long long> PositiveId(const std::string& text) {
  return http::ParsePositive(text, std::numeric_limits<long long>::max());
}

}  // namespace

http::Response ListRoleAssignments(RoleAssignments& roles, http::Request& request) {
  runtime::RequireAdmin(request);
  RoleQuery query;
  if (auto code = request.QueryParam("personal_code")) {
    if (!common::IsValidPersonalCode(*code)) {
      throw common::StatusError(http::BadQuery("/personal_code", common::Msg("roles.personal_code")));
    }
    query.personal_code = *code;
  }
  if (auto body = request.QueryParam("body_id")) {
    if (!common::IsRegistryCode(*body)) {
      throw common::StatusError(http::BadQuery("/body_id", common::Msg("roles.body_id_form")));
    }
    query.body_id = *body;
  }
  if (auto withdrawn = request.QueryParam("include_withdrawn")) {
    if (*withdrawn != "true" && *withdrawn != "false") {
      throw common::StatusError(http::BadQuery("/include_withdrawn", common::Msg("field.boolean")));
    }
    query.include_withdrawn = *withdrawn == "true";
  }
  query.limit = http::PageSize(request, query.limit);
  if (auto cursor = request.QueryParam("cursor")) {
    query.before_id = PositiveId(*cursor);
    if (!query.before_id) {
      throw common::StatusError(http::BadQuery("/cursor", common::Msg("http.unknown_cursor")));
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
  const auth::Identity& admin = runtime::RequireAdmin(request);
  const RoleGrant grant = common::ValueOrThrow(ParseRoleGrant(request.JsonBody()));
  auto id = roles.Grant(grant, admin.Subject());
  if (!id) {
    throw common::StatusError(common::AlreadyExists(common::Msg("roles.already_held")));
  }
  sessions.ForgetPerson(grant.personal_code);
  RoleQuery query;
  query.personal_code = grant.personal_code;
  query.before_id = *id + 1;
  query.limit = 1;
  return http::Response::Json(201, roles.List(query).at(0));
}

http::Response WithdrawRole(RoleAssignments& roles, SessionStore& sessions, http::Request& request) {
  const auth::Identity& admin = runtime::RequireAdmin(request);
  auto id = PositiveId(request.PathParam("assignmentId"));
  std::string reason = request.QueryParam("reason").value_or("");
  if (common::Utf8Length(reason) > 500 || !http::IsCleanText(reason, true)) {
    throw common::StatusError(
        http::BadQuery("/reason", common::Msg("field.text_length", {{"min", "0"}, {"max", "500"}})));
  }
  auto personal_code = id ? roles.Withdraw(*id, admin.Subject(), reason) : std::nullopt;
  if (!personal_code) {
    throw common::StatusError(common::NotFound(common::Msg("roles.no_such_assignment")));
  }
  sessions.ForgetPerson(*personal_code);
  return http::Response::NoContent();
}

}  // namespace kutse::gateway
