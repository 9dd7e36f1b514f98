#include "clients/trust_service_clients.hpp"

#include <stdexcept>

#include "kutse/common/config.hpp"

namespace kutse::stamping {
namespace {

TsaClient MakeTsa(const TrustServiceSettings& settings) {
  try {
    return TsaClient(
        TsaOptions{settings.tsa_url, settings.tsa_trust_pem, settings.tsa_policy, settings.timeout});
  } catch (const std::invalid_argument& error) {
    // The policy's form was checked when the settings were read; the message says which it is.
    throw common::ConfigError(
        std::string("setting KUTSE_STAMPING_TSA_TRUST_FILE or KUTSE_STAMPING_TSA_POLICY: ") + error.what());
  }
}

}  // namespace

TrustServiceClients::TrustServiceClients(const TrustServiceSettings& settings)
    : tsa_(MakeTsa(settings)), ocsp_(settings.ocsp_url, settings.timeout) {}

std::string TrustServiceClients::TimeStampToken(const std::string& sha256) const {
  return tsa_.TimeStampToken(sha256);
}

std::string TrustServiceClients::OcspResponse(X509* certificate, X509* issuer) const {
  return ocsp_.Response(certificate, issuer);
}

std::string TrustServiceClients::Describe() const {
  return "TSA " + tsa_.Host() + ", OCSP " + ocsp_.Host();
}

}  // namespace kutse::stamping
