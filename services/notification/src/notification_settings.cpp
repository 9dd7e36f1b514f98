#include "notification_settings.hpp"

#include "mail/mime_message.hpp"

namespace kutse::notification {
namespace {

void RequireAddress(const std::string& name, const std::string& value) {
  if (!mail::IsSendableAddress(value)) {
    throw common::ConfigError(name + " is not an e-mail address (local@domain)");
  }
}

}  // namespace

NotificationSettings NotificationSettings::Read(const common::Config& config) {
  NotificationSettings settings;
  if (auto url = config.Maybe("KUTSE_SMTP_URL")) {
    if (url->rfind("smtp://", 0) != 0 && url->rfind("smtps://", 0) != 0) {
      throw common::ConfigError("KUTSE_SMTP_URL is not an smtp:// or smtps:// URL");
    }
    mail::SmtpOptions smtp;
    smtp.url = *url;
    smtp.timeout = std::chrono::milliseconds(config.Integer("KUTSE_SMTP_TIMEOUT_MS", 20000, 1000, 120000));
    smtp.connect_timeout = std::min(smtp.timeout, std::chrono::milliseconds(5000));
    if (config.Maybe("KUTSE_SMTP_CREDENTIALS_FILE")) {
      std::string text = config.FileContents("KUTSE_SMTP_CREDENTIALS_FILE");
      std::string line = text.substr(0, text.find_first_of("\r\n"));
      auto colon = line.find(':');
      if (colon == std::string::npos || colon == 0) {
        throw common::ConfigError("KUTSE_SMTP_CREDENTIALS_FILE: the first line is not user:password");
      }
      smtp.username = line.substr(0, colon);
      smtp.password = line.substr(colon + 1);
    }
    settings.smtp = std::move(smtp);
  }
  settings.mail_from = config.Optional("KUTSE_MAIL_FROM", "teavitused@kutseregister.ee");
  RequireAddress("KUTSE_MAIL_FROM", settings.mail_from);
  settings.message_id_domain = settings.mail_from.substr(settings.mail_from.rfind('@') + 1);
  settings.state_portal_domain = config.Optional("KUTSE_STATE_PORTAL_DOMAIN", "eesti.ee");
  RequireAddress("KUTSE_STATE_PORTAL_DOMAIN", "39001010000@" + settings.state_portal_domain);
  std::string mode = config.Optional("KUTSE_STATE_PORTAL_MODE", "immediate");
  if (mode != "immediate" && mode != "digest") {
    throw common::ConfigError("KUTSE_STATE_PORTAL_MODE is not immediate or digest");
  }
  settings.state_portal_mode = mode == "digest" ? StatePortalMode::kDigest : StatePortalMode::kImmediate;
  settings.digest_hour = config.Integer("KUTSE_DIGEST_HOUR", 18, 0, 23);
  settings.mail_interval =
      std::chrono::milliseconds(config.Integer("KUTSE_MAIL_INTERVAL_MS", 500, 50, 60000));
  settings.max_attempts = config.Integer("KUTSE_MAIL_MAX_ATTEMPTS", 8, 1, 50);
  settings.retry_base =
      std::chrono::milliseconds(config.Integer("KUTSE_MAIL_RETRY_BASE_MS", 30000, 100, 3600000));
  settings.email_code_ttl = std::chrono::minutes(config.Integer("KUTSE_EMAIL_CODE_TTL_MINUTES", 30, 1, 1440));
  return settings;
}

}  // namespace kutse::notification
