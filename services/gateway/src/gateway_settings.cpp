#include "gateway_settings.hpp"

#include "kutse/common/personal_code.hpp"
#include "kutse/common/text.hpp"

namespace kutse::gateway {
namespace {

std::set<std::string> ReadCodeList(const common::Config& config, const std::string& name) {
  std::set<std::string> codes;
  for (const auto& code : common::Split(config.Optional(name, ""), ',')) {
    if (!common::IsValidPersonalCode(code)) {
      throw common::ConfigError(name + " holds something that is not a personal code");
    }
    codes.insert(code);
  }
  return codes;
}

}  // namespace

GatewaySettings GatewaySettings::Read(const common::Config& config) {
  GatewaySettings settings;
  settings.token_private_key_pem = config.FileContents("KUTSE_TOKEN_PRIVATE_KEY_FILE");
  settings.openapi_document = config.FileContents("KUTSE_OPENAPI_FILE");
  settings.upstream_certificate = config.Required("KUTSE_UPSTREAM_CERTIFICATE");
  settings.upstream_workflow = config.Required("KUTSE_UPSTREAM_WORKFLOW");
  settings.upstream_notification = config.Required("KUTSE_UPSTREAM_NOTIFICATION");
  settings.upstream_stamping = config.Required("KUTSE_UPSTREAM_STAMPING");
  settings.upstream_connections = config.Integer("KUTSE_UPSTREAM_CONNECTIONS", 64, 1, 1024);
  settings.public_url = config.Required("KUTSE_PUBLIC_URL");
  settings.oidc_issuer = config.Required("KUTSE_OIDC_ISSUER");
  settings.oidc_client_id = config.Required("KUTSE_OIDC_CLIENT_ID");
  settings.oidc_client_secret = config.FileContents("KUTSE_OIDC_CLIENT_SECRET_FILE");
  settings.session_idle_minutes = config.Integer("KUTSE_SESSION_IDLE_MINUTES", 30, 1, 24 * 60);
  settings.session_absolute_hours = config.Integer("KUTSE_SESSION_ABSOLUTE_HOURS", 12, 1, 24 * 7);
  settings.session_cache =
      std::chrono::milliseconds(config.Integer("KUTSE_SESSION_CACHE_MS", 5000, 0, 60000));
  settings.client_cache = std::chrono::milliseconds(config.Integer("KUTSE_CLIENT_CACHE_MS", 5000, 0, 60000));
  settings.bootstrap_admins = ReadCodeList(config, "KUTSE_BOOTSTRAP_ADMINS");
  settings.dev_identity = config.Flag("KUTSE_DEV_IDENTITY");
  try {
    settings.trusted_proxies = TrustedProxies::Parse(config.Optional("KUTSE_TRUSTED_PROXIES", ""));
  } catch (const std::invalid_argument& error) {
    throw common::ConfigError(std::string("setting KUTSE_TRUSTED_PROXIES: ") + error.what());
  }
  settings.verification_uploads_per_minute =
      config.Integer("KUTSE_VERIFICATION_UPLOADS_PER_MINUTE", 30, 0, 100000);
  return settings;
}

}  // namespace kutse::gateway
