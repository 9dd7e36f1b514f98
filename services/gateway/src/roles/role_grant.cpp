#include "roles/role_grant.hpp"

#include <set>

#include "kutse/common/personal_code.hpp"
#include "kutse/common/text.hpp"

namespace kutse::gateway {

std::variant<RoleGrant, std::vector<http::FieldError>> ParseRoleGrant(const nlohmann::json& body) {
  static const std::set<std::string> kKnown = {"personal_code", "role", "body_id", "reason"};
  std::vector<http::FieldError> errors;
  for (const auto& [key, value] : body.items()) {
    if (kKnown.count(key) == 0) {
      errors.push_back({"/" + key, "is not a known field"});
    }
  }
  RoleGrant grant;
  if (!body.contains("personal_code") || !body["personal_code"].is_string() ||
      !common::IsValidPersonalCode(body["personal_code"].get<std::string>())) {
    errors.push_back({"/personal_code", "must be a valid Estonian personal code"});
  } else {
    grant.personal_code = body["personal_code"];
  }
  if (!body.contains("role") || !body["role"].is_string() ||
      (body["role"] != "clerk" && body["role"] != "assessor" && body["role"] != "admin")) {
    errors.push_back({"/role", "must be clerk, assessor or admin"});
  } else {
    grant.role = body["role"];
  }
  bool has_body = body.contains("body_id") && !body["body_id"].is_null();
  if (has_body) {
    const auto& id = body["body_id"];
    if (!id.is_string() || !common::IsRegistryCode(id.get<std::string>())) {
      errors.push_back({"/body_id", "must be the awarding body's 8-digit registry code"});
    } else {
      grant.body_id = id.get<std::string>();
    }
  }
  if (grant.role == "admin" && has_body) {
    errors.push_back({"/body_id", "an admin belongs to the register keeper, not to an awarding body"});
  }
  if ((grant.role == "clerk" || grant.role == "assessor") && !has_body) {
    errors.push_back({"/body_id", "is required for a clerk or an assessor"});
  }
  if (body.contains("reason")) {
    if (!body["reason"].is_string() || body["reason"].get<std::string>().size() > 500) {
      errors.push_back({"/reason", "must be text of at most 500 characters"});
    } else {
      grant.reason = body["reason"];
    }
  }
  if (!errors.empty()) {
    return errors;
  }
  return grant;
}

}  // namespace kutse::gateway
