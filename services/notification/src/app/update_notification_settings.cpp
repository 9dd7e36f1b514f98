#include "app/update_notification_settings.hpp"

#include <cstdint>

#include "db/delivery_repository.hpp"
#include "domain/mail_texts.hpp"
#include "kutse/common/ids.hpp"
#include "kutse/common/sha256.hpp"

namespace kutse::notification::app {
namespace {

// Six random digits, uniformly: values of 4 random bytes past the last whole million are drawn again.
std::string NewCode() {
  constexpr std::uint32_t kLimit = 4294000000u;  // a multiple of 10^6 below 2^32
  for (;;) {
    std::string bytes = common::RandomBytes(4);
    std::uint32_t value = 0;
    for (unsigned char c : bytes) {
      value = (value << 8) | c;
    }
    if (value < kLimit) {
      std::string code = std::to_string(value % 1000000);
      return std::string(6 - code.size(), '0') + code;
    }
  }
}

}  // namespace

std::string CodeHash(const std::string& personal_code, const std::string& code) {
  return common::Sha256Hex("kutse-email-code:" + personal_code + ":" + code);
}

PersonSettings UpdateNotificationSettings(pqxx::work& work, const NotificationSettings& settings,
                                          const common::Clock& clock, const std::string& personal_code,
                                          const dto::SettingsUpdate& update) {
  auto now = clock.Now();
  PersonSettingsRepository repository(work);
  PersonSettings next = repository.GetForUpdate(personal_code, common::FormatTimestamp(now));
  next.language = update.language;
  next.state_portal = update.state_portal;
  next.email_enabled = update.email_enabled;
  bool waits_already = update.email && update.email == next.pending_email && !next.pending_expired &&
                       next.pending_attempts < kMaxCodeAttempts;
  if (!update.email) {
    next.email.reset();
  }
  if (!update.email || update.email == next.email) {
    next.pending_email.reset();
    next.pending_code_sha256.reset();
    next.pending_expires_at.reset();
    next.pending_attempts = 0;
  } else if (!waits_already) {
    std::string code = NewCode();
    next.pending_email = update.email;
    next.pending_code_sha256 = CodeHash(personal_code, code);
    next.pending_expires_at = common::FormatTimestamp(now + settings.email_code_ttl);
    next.pending_attempts = 0;
    next.pending_expired = false;
    MailText text = ConfirmationMail(code, settings.email_code_ttl, next.language);
    std::string id = common::NewUuid();
    DeliveryRepository(work).AddConfirmation(id, personal_code, *update.email, next.language, text.subject,
                                             text.body,
                                             "confirmation-" + id + "@" + settings.message_id_domain);
  }
  repository.Save(personal_code, next);
  return next;
}

}  // namespace kutse::notification::app
