#include "app/confirm_email.hpp"

#include <openssl/crypto.h>

#include "app/update_notification_settings.hpp"
#include "db/person_settings_repository.hpp"

namespace kutse::notification::app {

common::StatusOr<CodeCheck> ConfirmEmail(pqxx::work& work, const common::Clock& clock,
                                         const std::string& personal_code, const std::string& code) {
  std::string now = common::FormatTimestamp(clock.Now());
  PersonSettingsRepository repository(work);
  PersonSettings current = repository.GetForUpdate(personal_code, now);
  if (!current.pending_email || !current.pending_code_sha256) {
    return common::FailedPrecondition(common::Msg("settings.nothing_to_confirm"));
  }
  if (current.pending_expired) {
    return common::FailedPrecondition(common::Msg("settings.code_expired"));
  }
  if (current.pending_attempts >= kMaxCodeAttempts) {
    return common::FailedPrecondition(common::Msg("settings.code_attempts_spent"));
  }
  std::string given = CodeHash(personal_code, code);
  const std::string& kept = *current.pending_code_sha256;
  if (given.size() != kept.size() || CRYPTO_memcmp(given.data(), kept.data(), given.size()) != 0) {
    repository.CountFailedCode(personal_code);
    return CodeCheck::kWrong;
  }
  repository.ConfirmPending(personal_code, now);
  return CodeCheck::kConfirmed;
}

}  // namespace kutse::notification::app
