// The stamping service's own settings (services/stamping/settings.txt), read once at start into
// one struct; the shared ones are runtime::RuntimeSettings. The seal's key material is held here
// only to be handed to seal::SealKey; it is never logged.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "kutse/common/config.hpp"

namespace kutse::stamping {

struct SealFiles {
  std::string key;           // the contents of the PEM or PKCS#12 file
  std::string certificates;  // PEM, may be empty when `key` holds them
  std::string password;      // may be empty
};

// The time-stamping authority and OCSP responder of a baseline LT seal (in production the national
// trust-service providers), configured together.
struct TrustServiceSettings {
  std::string tsa_url;
  std::string ocsp_url;
  std::string tsa_trust_pem;                // PEM; empty: a token is checked with the certificate it carries
  std::string tsa_policy;                   // an OID; empty: the TSA's default policy
  std::chrono::milliseconds timeout{2500};  // each service's answer, all attempts included
};

struct StampingSettings {
  std::string font_dir = "/usr/share/fonts/truetype/dejavu";
  std::optional<SealFiles> seal;              // nullopt: no KUTSE_SEAL_KEY_FILE, the service seals nothing
  std::string service_token_private_key_pem;  // empty: no KUTSE_SERVICE_TOKEN_PRIVATE_KEY_FILE
  // Empty when unset: then, as without a seal or a token key, the stamp route answers 503.
  std::string upstream_certificate;
  std::string public_url;  // without a trailing slash
  // PEM; empty when unset: the verification then trusts only the service's own seal certificate.
  std::string trust_anchor_pem;
  // PEM (KUTSE_STAMPING_TSA_TRUST_FILE): the TSAs whose tokens the TSA client accepts and whose
  // time a verification believes; empty: the client checks a token with the certificate it
  // carries, and a verification believes no TSA (a time-stamped seal is judged at its own time).
  std::string tsa_trust_pem;
  // nullopt without KUTSE_STAMPING_TSA_URL and KUTSE_STAMPING_OCSP_URL: seals are baseline B-B.
  std::optional<TrustServiceSettings> trust_services;

  // Throws common::ConfigError naming the setting that is malformed or the file that is missing, or
  // the trust-service URL that is missing when only the other one is given.
  static StampingSettings Read(const common::Config& config);
};

}  // namespace kutse::stamping
