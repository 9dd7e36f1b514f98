// seal::TrustServices over the network: the TSA client for the signature time-stamp and the OCSP
// client for the seal certificate's status, as the stamping service's settings name them.
#pragma once

#include <string>

#include "clients/ocsp_client.hpp"
#include "clients/tsa_client.hpp"
#include "seal/trust_services.hpp"
#include "stamping_settings.hpp"

namespace kutse::stamping {

class TrustServiceClients final : public seal::TrustServices {
 public:
  // Throws common::ConfigError naming the setting when the TSA trust file or policy is unusable.
  explicit TrustServiceClients(const TrustServiceSettings& settings);

  std::string TimeStampToken(const std::string& sha256) const override;
  std::string OcspResponse(X509* certificate, X509* issuer) const override;

  // "TSA <host>, OCSP <host>": for the start's log line, without paths or credentials.
  std::string Describe() const;

 private:
  TsaClient tsa_;
  OcspClient ocsp_;
};

}  // namespace kutse::stamping
