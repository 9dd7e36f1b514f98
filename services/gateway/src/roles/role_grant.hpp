// What an admin sends to grant a staff role, checked field by field. No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "kutse/common/status.hpp"

namespace kutse::gateway {

struct RoleGrant {
  std::string personal_code;
  std::string role;                    // clerk, assessor or admin
  std::optional<std::string> body_id;  // for clerk and assessor only
  std::string reason;
};

// The grant, or every field error at once.
common::StatusOr<RoleGrant> ParseRoleGrant(const nlohmann::json& body);

}  // namespace kutse::gateway
