// Staff role assignments, inside a caller's transaction or read. A grant or a withdrawal tells
// every gateway replica once the transaction commits.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "roles/role_assignment.hpp"
#include "roles/role_grant.hpp"

namespace kutse::gateway {

class RoleAssignmentRepository {
 public:
  explicit RoleAssignmentRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  // The new assignment's id, or nullopt when the same role is already active for that person (and body).
  std::optional<long long> Grant(const RoleGrant& grant, const std::string& granted_by);
  // The person's code, or nullopt when there is no active assignment with that id.
  std::optional<std::string> Withdraw(long long id, const std::string& withdrawn_by,
                                      const std::string& reason);
  std::vector<RoleAssignment> List(const RoleQuery& query);  // newest first

 private:
  void AnnounceRolesChanged(const std::string& personal_code);

  pqxx::transaction_base& tx_;
};

}  // namespace kutse::gateway
