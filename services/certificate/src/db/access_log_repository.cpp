#include "db/access_log_repository.hpp"

#include <nlohmann/json.hpp>

#include "db/sql.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::certificate {

void AccessLogRepository::Log(const Certificate& certificate, const auth::Identity& staff,
                              AccessPurpose purpose) {
  bool as_clerk = staff.IsClerkOf(certificate.awarding_body_id);
  tx_.exec_prepared(sql::kLogAccess.name, certificate.holder_personal_code, staff.Subject(),
                    as_clerk ? "clerk" : "admin", as_clerk ? certificate.awarding_body_id.c_str() : nullptr,
                    ToString(purpose), certificate.number);
}

void AccessLogRepository::LogAll(const std::vector<Certificate>& certificates, const auth::Identity& staff,
                                 AccessPurpose purpose) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& certificate : certificates) {
    bool as_clerk = staff.IsClerkOf(certificate.awarding_body_id);
    rows.push_back(
        {{"holder_personal_code", certificate.holder_personal_code},
         {"accessed_by", staff.Subject()},
         {"role", as_clerk ? "clerk" : "admin"},
         {"awarding_body_id", as_clerk ? nlohmann::json(certificate.awarding_body_id) : nlohmann::json()},
         {"purpose", ToString(purpose)},
         {"certificate_number", certificate.number}});
  }
  tx_.exec_prepared(sql::kLogAccesses.name, rows.dump());
}

void AccessLogRepository::LogRequestRead(const RequestRead& read) {
  tx_.exec_prepared(sql::kLogRequestRead.name, read.holder_personal_code, read.read_at, read.read_by,
                    read.role, db::NullableParam(read.awarding_body_id), read.certificate_number,
                    read.request_id);
}

std::vector<AccessEntry> AccessLogRepository::Page(const std::string& holder_personal_code,
                                                   const std::optional<long long>& before_id, int limit) {
  std::optional<std::string> before;
  if (before_id) {
    before = std::to_string(*before_id);
  }
  std::vector<AccessEntry> entries;
  for (const auto& row :
       tx_.exec_prepared(sql::kAccessLog.name, holder_personal_code, db::NullableParam(before), limit)) {
    AccessEntry entry;
    entry.id = row["id"].as<long long>();
    entry.accessed_at = row["accessed_at"].as<std::string>();
    entry.accessed_by = row["accessed_by"].as<std::string>();
    entry.role = row["role"].as<std::string>();
    entry.awarding_body_id = db::OptionalText(row["awarding_body_id"]);
    entry.purpose = row["purpose"].as<std::string>();
    entry.certificate_number = row["certificate_number"].as<std::string>();
    entry.request_id = db::OptionalText(row["request_id"]);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace kutse::certificate
