#include "roles/role_assignments.hpp"

#include "db/sql.hpp"
#include "kutse/common/json_or_null.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::gateway {

std::optional<long long> RoleAssignments::Grant(const RoleGrant& grant, const std::string& granted_by) {
  return pool_.Transaction([&](pqxx::work& work) -> std::optional<long long> {
    auto rows = work.exec_prepared(sql::kGrantRole, grant.personal_code, grant.role,
                                   db::NullableParam(grant.body_id), granted_by, grant.reason);
    if (rows.empty()) {
      return std::nullopt;
    }
    work.exec_prepared(sql::kAnnounceRolesChanged, grant.personal_code);
    return rows[0][0].as<long long>();
  });
}

std::optional<std::string> RoleAssignments::Withdraw(long long id, const std::string& withdrawn_by,
                                                     const std::string& reason) {
  return pool_.Transaction([&](pqxx::work& work) -> std::optional<std::string> {
    auto rows = work.exec_prepared(sql::kWithdrawRole, id, withdrawn_by, reason);
    if (rows.empty()) {
      return std::nullopt;
    }
    std::string personal_code = rows[0][0].as<std::string>();
    work.exec_prepared(sql::kAnnounceRolesChanged, personal_code);
    return personal_code;
  });
}

nlohmann::json RoleAssignments::List(const RoleQuery& query) {
  std::string before = query.before_id ? std::to_string(*query.before_id) : "";
  auto rows = pool_.Read([&](pqxx::nontransaction& read) {
    return read.exec_prepared(sql::kListRoleAssignments, db::NullableParam(query.personal_code),
                              db::NullableParam(query.body_id), query.include_withdrawn,
                              query.before_id ? before.c_str() : nullptr, query.limit);
  });
  nlohmann::json items = nlohmann::json::array();
  for (const auto& row : rows) {
    items.push_back({{"id", row[0].as<long long>()},
                     {"personal_code", row[1].as<std::string>()},
                     {"role", row[2].as<std::string>()},
                     {"body_id", common::JsonOrNull(db::OptionalText(row[3]))},
                     {"granted_by", row[4].as<std::string>()},
                     {"granted_at", row[5].as<std::string>()},
                     {"grant_reason", row[6].as<std::string>()},
                     {"withdrawn_by", common::JsonOrNull(db::OptionalText(row[7]))},
                     {"withdrawn_at", common::JsonOrNull(db::OptionalText(row[8]))},
                     {"withdraw_reason", common::JsonOrNull(db::OptionalText(row[9]))}});
  }
  return items;
}

}  // namespace kutse::gateway
