#include "db/person_settings_repository.hpp"

#include "db/mail_sql.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::notification {
namespace {

PersonSettings FromRows(const pqxx::result& rows) {
  PersonSettings settings;
  if (rows.empty()) {
    return settings;
  }
  const auto& row = rows[0];
  settings.language = row["language"].as<std::string>();
  settings.state_portal = row["state_portal"].as<bool>();
  settings.email_enabled = row["email_enabled"].as<bool>();
  settings.email = db::OptionalText(row["email"]);
  settings.pending_email = db::OptionalText(row["pending_email"]);
  settings.pending_code_sha256 = db::OptionalText(row["pending_code_sha256"]);
  settings.pending_expires_at = db::OptionalText(row["pending_expires_at"]);
  settings.pending_attempts = row["pending_attempts"].as<int>();
  settings.pending_expired = !row["pending_expired"].is_null() && row["pending_expired"].as<bool>();
  return settings;
}

}  // namespace

PersonSettings PersonSettingsRepository::Get(const std::string& personal_code, const std::string& now) {
  return FromRows(tx_.exec_prepared(sql::kPersonSettings.name, personal_code, now));
}

PersonSettings PersonSettingsRepository::GetForUpdate(const std::string& personal_code,
                                                      const std::string& now) {
  return FromRows(tx_.exec_prepared(sql::kPersonSettingsForUpdate.name, personal_code, now));
}

void PersonSettingsRepository::Save(const std::string& personal_code, const PersonSettings& s) {
  tx_.exec_prepared(sql::kSavePersonSettings.name, personal_code, s.language, s.state_portal, s.email_enabled,
                    db::NullableParam(s.email), db::NullableParam(s.pending_email),
                    db::NullableParam(s.pending_code_sha256), db::NullableParam(s.pending_expires_at),
                    s.pending_attempts);
}

void PersonSettingsRepository::ConfirmPending(const std::string& personal_code, const std::string& now) {
  tx_.exec_prepared(sql::kConfirmEmail.name, personal_code, now);
}

int PersonSettingsRepository::CountFailedCode(const std::string& personal_code) {
  return tx_.exec_prepared1(sql::kCountFailedCode.name, personal_code)["pending_attempts"].as<int>();
}

}  // namespace kutse::notification
