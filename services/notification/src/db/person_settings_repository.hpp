// A person's notification channels (person_settings, V005), inside a caller's transaction or read.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>

namespace kutse::notification {

struct PersonSettings {
  std::string language = "et";
  bool state_portal = true;
  bool email_enabled = false;
  std::optional<std::string> email;  // confirmed
  std::optional<std::string> pending_email;
  std::optional<std::string> pending_code_sha256;
  std::optional<std::string> pending_expires_at;  // ISO 8601
  int pending_attempts = 0;
  bool pending_expired = false;
};

class PersonSettingsRepository {
 public:
  explicit PersonSettingsRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  // The defaults when the person never chose; `now` decides whether a waiting code has expired.
  PersonSettings Get(const std::string& personal_code, const std::string& now);
  PersonSettings GetForUpdate(const std::string& personal_code, const std::string& now);
  void Save(const std::string& personal_code, const PersonSettings& settings);
  void ConfirmPending(const std::string& personal_code, const std::string& now);
  int CountFailedCode(const std::string& personal_code);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::notification
