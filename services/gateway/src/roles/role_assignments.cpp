#include "roles/role_assignments.hpp"

#include "db/role_assignment_repository.hpp"
#include "kutse/common/json_or_null.hpp"

namespace kutse::gateway {

std::optional<long long> RoleAssignments::Grant(const RoleGrant& grant, const std::string& granted_by) {
  return pool_.Transaction(
      [&](pqxx::work& work) { return RoleAssignmentRepository(work).Grant(grant, granted_by); });
}

std::optional<std::string> RoleAssignments::Withdraw(long long id, const std::string& withdrawn_by,
                                                     const std::string& reason) {
  return pool_.Transaction(
      [&](pqxx::work& work) { return RoleAssignmentRepository(work).Withdraw(id, withdrawn_by, reason); });
}

nlohmann::json RoleAssignments::List(const RoleQuery& query) {
  auto assignments =
      pool_.Read([&](pqxx::nontransaction& read) { return RoleAssignmentRepository(read).List(query); });
  nlohmann::json items = nlohmann::json::array();
  for (const auto& assignment : assignments) {
    items.push_back({{"id", assignment.id},
                     {"personal_code", assignment.personal_code},
                     {"role", assignment.role},
                     {"body_id", common::JsonOrNull(assignment.body_id)},
                     {"granted_by", assignment.granted_by},
                     {"granted_at", assignment.granted_at},
                     {"grant_reason", assignment.grant_reason},
                     {"withdrawn_by", common::JsonOrNull(assignment.withdrawn_by)},
                     {"withdrawn_at", common::JsonOrNull(assignment.withdrawn_at)},
                     {"withdraw_reason", common::JsonOrNull(assignment.withdraw_reason)}});
  }
  return items;
}

}  // namespace kutse::gateway
