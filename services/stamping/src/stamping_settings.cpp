#include "stamping_settings.hpp"

#include <cctype>

namespace kutse::stamping {
namespace {

// Dotted decimal, two arcs at least, the first 0, 1 or 2 (X.660); the TSA client refuses others too.
bool IsOid(const std::string& text) {
  if (text.size() < 3 || text.size() > 200 || text[0] < '0' || text[0] > '2' || text[1] != '.') {
    return false;
  }
  bool arc_started = false;
  for (size_t i = 2; i < text.size(); ++i) {
    if (text[i] == '.') {
      if (!arc_started) {
        return false;
      }
      arc_started = false;
    } else if (std::isdigit(static_cast<unsigned char>(text[i]))) {
      arc_started = true;
    } else {
      return false;
    }
  }
  return arc_started;
}

// Both URLs or neither: a seal is LT with both services or B-B without, never half of it.
std::optional<TrustServiceSettings> ReadTrustServices(const common::Config& config) {
  TrustServiceSettings trust;
  trust.timeout =
      std::chrono::milliseconds(config.Integer("KUTSE_STAMPING_TRUST_SERVICE_TIMEOUT_MS", 2500, 100, 10000));
  trust.tsa_policy = config.Optional("KUTSE_STAMPING_TSA_POLICY", "");
  if (!trust.tsa_policy.empty() && !IsOid(trust.tsa_policy)) {
    throw common::ConfigError("setting KUTSE_STAMPING_TSA_POLICY is not an OID (dotted decimal)");
  }
  trust.tsa_url = config.Optional("KUTSE_STAMPING_TSA_URL", "");
  trust.ocsp_url = config.Optional("KUTSE_STAMPING_OCSP_URL", "");
  if (trust.tsa_url.empty() && trust.ocsp_url.empty()) {
    return std::nullopt;
  }
  if (trust.tsa_url.empty() || trust.ocsp_url.empty()) {
    throw common::ConfigError(std::string("setting ") +
                              (trust.tsa_url.empty() ? "KUTSE_STAMPING_TSA_URL" : "KUTSE_STAMPING_OCSP_URL") +
                              " is missing: KUTSE_STAMPING_TSA_URL and KUTSE_STAMPING_OCSP_URL are given "
                              "together (baseline LT) or not at all (B-B)");
  }
  return trust;
}

}  // namespace

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
  if (config.Maybe("KUTSE_STAMPING_TSA_TRUST_FILE")) {
    settings.tsa_trust_pem = config.FileContents("KUTSE_STAMPING_TSA_TRUST_FILE");
  }
  settings.trust_services = ReadTrustServices(config);
  if (settings.trust_services) {
    settings.trust_services->tsa_trust_pem = settings.tsa_trust_pem;
  }
  return settings;
}

}  // namespace kutse::stamping
