#include "db/session_repository.hpp"

#include "db/sql.hpp"
#include "kutse/common/text.hpp"

namespace kutse::gateway {
namespace {

// Authentication methods are short words; anything else is dropped rather than stored.
std::string JoinMethods(const std::vector<std::string>& methods) {
  std::string joined;
  for (const auto& method : methods) {
    if (!method.empty() && method.size() <= 32 &&
        method.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
            std::string::npos) {
      joined += (joined.empty() ? "" : ",") + method;
    }
  }
  return joined;
}

}  // namespace

void SessionRepository::Create(const std::string& id_hash, const TaraPerson& person,
                               const std::string& csrf_token, const SessionPolicy& policy) {
  tx_.exec_prepared(sql::kCreateSession.name, id_hash, person.personal_code, person.given_name,
                    person.family_name, csrf_token, JoinMethods(person.amr), person.acr, policy.idle_minutes,
                    policy.absolute_hours);
}

std::optional<FoundSession> SessionRepository::Find(const std::string& id_hash) {
  auto rows = tx_.exec_prepared(sql::kFindSession.name, id_hash);
  if (rows.empty()) {
    return std::nullopt;
  }
  const auto& row = rows[0];
  FoundSession found;
  found.session.personal_code = row["personal_code"].as<std::string>();
  found.session.given_name = row["given_name"].as<std::string>();
  found.session.family_name = row["family_name"].as<std::string>();
  found.session.csrf_token = row["csrf_token"].as<std::string>();
  found.session.amr = common::Split(row["amr"].as<std::string>(), ',');
  found.session.acr = row["acr"].as<std::string>();
  found.session.expires_at = row["expires_at"].as<std::string>();
  found.session.staff_roles = common::Split(row["staff_roles"].as<std::string>(), ',');
  found.touch_due = row["touch_due"].as<bool>();
  return found;
}

void SessionRepository::Touch(const std::string& id_hash, int idle_minutes) {
  tx_.exec_prepared(sql::kTouchSession.name, id_hash, idle_minutes);
}

void SessionRepository::End(const std::string& id_hash) {
  tx_.exec_prepared(sql::kEndSession.name, id_hash);
  tx_.exec_prepared(sql::kAnnounceSessionEnded.name, id_hash);  // delivered on commit
}

}  // namespace kutse::gateway
