// The notification service's own settings (services/notification/settings.txt), read once at start
// into one struct; the shared ones are runtime::RuntimeSettings.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "kutse/common/config.hpp"
#include "mail/smtp_sender.hpp"

namespace kutse::notification {

enum class StatePortalMode { kImmediate, kDigest };

struct NotificationSettings {
  std::optional<mail::SmtpOptions> smtp;  // nullopt: no mail at all
  std::string mail_from;
  std::string message_id_domain;  // the domain of mail_from
  std::string state_portal_domain;
  StatePortalMode state_portal_mode = StatePortalMode::kImmediate;
  int digest_hour = 18;
  std::chrono::milliseconds mail_interval{500};
  int max_attempts = 8;
  std::chrono::milliseconds retry_base{30000};
  std::chrono::minutes email_code_ttl{30};

  // Throws common::ConfigError naming the setting that is missing or malformed.
  static NotificationSettings Read(const common::Config& config);
};

}  // namespace kutse::notification
