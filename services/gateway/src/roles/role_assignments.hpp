// Staff roles in the gateway's schema: granting, withdrawing and the full history.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "kutse/db/pool.hpp"
#include "roles/role_assignment.hpp"
#include "roles/role_grant.hpp"

namespace kutse::gateway {

class RoleAssignments {
 public:
  explicit RoleAssignments(db::Pool& pool) : pool_(pool) {}

  // nullopt when the same role is already active for that person (and body).
  std::optional<long long> Grant(const RoleGrant& grant, const std::string& granted_by);
  // The person's code, or nullopt when there is no active assignment with that id.
  std::optional<std::string> Withdraw(long long id, const std::string& withdrawn_by,
                                      const std::string& reason);
  nlohmann::json List(const RoleQuery& query);  // [{id, personal_code, role, body_id, granted_...}]

 private:
  db::Pool& pool_;
};

}  // namespace kutse::gateway
