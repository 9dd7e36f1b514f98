#include "roles/role_grant.hpp"

#include "kutse/common/personal_code.hpp"
#include "kutse/common/text.hpp"
#include "kutse/http/json_fields.hpp"

namespace kutse::gateway {

using common::Msg;

common::StatusOr<RoleGrant> ParseRoleGrant(const nlohmann::json& body) {
  common::FieldErrors errors = http::UnknownFields(body, {"personal_code", "role", "body_id", "reason"});
  RoleGrant grant;
  if (!body.contains("personal_code") || !body["personal_code"].is_string() ||
      !common::IsValidPersonalCode(body["personal_code"].get<std::string>())) {
    errors.push_back({"/personal_code", Msg("roles.personal_code")});
  } else {
    grant.personal_code = body["personal_code"];
  }
  if (!body.contains("role") || !body["role"].is_string() ||
      (body["role"] != "clerk" && body["role"] != "assessor" && body["role"] != "admin")) {
    errors.push_back({"/role", Msg("roles.role_values")});
  } else {
    grant.role = body["role"];
  }
  bool has_body = !http::IsOmitted(body, "body_id", errors);
  if (has_body) {
    const auto& id = body["body_id"];
    if (!id.is_string() || !common::IsRegistryCode(id.get<std::string>())) {
      errors.push_back({"/body_id", Msg("roles.body_id_form")});
    } else {
      grant.body_id = id.get<std::string>();
    }
  }
  if (grant.role == "admin" && has_body) {
    errors.push_back({"/body_id", Msg("roles.admin_has_no_body")});
  }
  if ((grant.role == "clerk" || grant.role == "assessor") && !body.contains("body_id")) {
    errors.push_back({"/body_id", Msg("roles.body_required")});
  }
  if (body.contains("reason")) {
    auto reason = http::OptionalText(body, "reason", http::TextLimits{0, 500, true}, errors);
    grant.reason = reason.value_or("");
  }
  if (!errors.empty()) {
    return http::InvalidFields(std::move(errors));
  }
  return grant;
}

}  // namespace kutse::gateway
