#include "db/role_assignment_repository.hpp"

#include "db/sql.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::gateway {

std::optional<long long> RoleAssignmentRepository::Grant(const RoleGrant& grant,
                                                         const std::string& granted_by) {
  auto rows = tx_.exec_prepared(sql::kGrantRole.name, grant.personal_code, grant.role,
                                db::NullableParam(grant.body_id), granted_by, grant.reason);
  if (rows.empty()) {
    return std::nullopt;
  }
  AnnounceRolesChanged(grant.personal_code);
  return rows[0]["id"].as<long long>();
}

std::optional<std::string> RoleAssignmentRepository::Withdraw(long long id, const std::string& withdrawn_by,
                                                              const std::string& reason) {
  auto rows = tx_.exec_prepared(sql::kWithdrawRole.name, id, withdrawn_by, reason);
  if (rows.empty()) {
    return std::nullopt;
  }
  std::string personal_code = rows[0]["personal_code"].as<std::string>();
  AnnounceRolesChanged(personal_code);
  return personal_code;
}

std::vector<RoleAssignment> RoleAssignmentRepository::List(const RoleQuery& query) {
  std::optional<std::string> before;
  if (query.before_id) {
    before = std::to_string(*query.before_id);
  }
  std::vector<RoleAssignment> assignments;
  for (const auto& row :
       tx_.exec_prepared(sql::kListRoleAssignments.name, db::NullableParam(query.personal_code),
                         db::NullableParam(query.body_id), query.include_withdrawn, db::NullableParam(before),
                         query.limit)) {
    RoleAssignment assignment;
    assignment.id = row["id"].as<long long>();
    assignment.personal_code = row["personal_code"].as<std::string>();
    assignment.role = row["role"].as<std::string>();
    assignment.body_id = db::OptionalText(row["body_id"]);
    assignment.granted_by = row["granted_by"].as<std::string>();
    assignment.granted_at = row["granted_at"].as<std::string>();
    assignment.grant_reason = row["grant_reason"].as<std::string>();
    assignment.withdrawn_by = db::OptionalText(row["withdrawn_by"]);
    assignment.withdrawn_at = db::OptionalText(row["withdrawn_at"]);
    assignment.withdraw_reason = db::OptionalText(row["withdraw_reason"]);
    assignments.push_back(std::move(assignment));
  }
  return assignments;
}

void RoleAssignmentRepository::AnnounceRolesChanged(const std::string& personal_code) {
  tx_.exec_prepared(sql::kAnnounceRolesChanged.name, personal_code);  // delivered on commit
}

}  // namespace kutse::gateway
