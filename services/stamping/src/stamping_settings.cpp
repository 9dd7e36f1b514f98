#include "stamping_settings.hpp"

namespace kutse::stamping {

StampingSettings StampingSettings::Read(const common::Config& config) {
  StampingSettings settings;
  settings.font_dir = config.Optional("KUTSE_STAMP_FONT_DIR", settings.font_dir);
  // All three are read even when unused, so a deployment's mistake shows in one place.
  const bool has_key = config.Maybe("KUTSE_SEAL_KEY_FILE").has_value();
  const bool has_certificates = config.Maybe("KUTSE_SEAL_CERTIFICATE_FILE").has_value();
  const bool has_password = config.Maybe("KUTSE_SEAL_PASSWORD_FILE").has_value();
  if (has_key) {
    SealFiles seal;
    seal.key = config.FileContents("KUTSE_SEAL_KEY_FILE");
    if (has_certificates)
      seal.certificates = config.FileContents("KUTSE_SEAL_CERTIFICATE_FILE");
    if (has_password)
      seal.password = config.FileContents("KUTSE_SEAL_PASSWORD_FILE");
    // A password file written by an editor or `echo` ends in a newline that is not the password's.
    while (!seal.password.empty() && (seal.password.back() == '\n' || seal.password.back() == '\r')) {
      seal.password.pop_back();
    }
    settings.seal = std::move(seal);
  }
  if (config.Maybe("KUTSE_SERVICE_TOKEN_PRIVATE_KEY_FILE")) {
    settings.service_token_private_key_pem = config.FileContents("KUTSE_SERVICE_TOKEN_PRIVATE_KEY_FILE");
  }
  settings.upstream_certificate = config.Optional("KUTSE_UPSTREAM_CERTIFICATE", "");
  settings.public_url = config.Optional("KUTSE_PUBLIC_URL", "");
  while (!settings.public_url.empty() && settings.public_url.back() == '/') {
    settings.public_url.pop_back();
  }
  if (config.Maybe("KUTSE_STAMPING_TRUST_ANCHOR_FILE")) {
    settings.trust_anchor_pem = config.FileContents("KUTSE_STAMPING_TRUST_ANCHOR_FILE");
  }
  return settings;
}

}  // namespace kutse::stamping
