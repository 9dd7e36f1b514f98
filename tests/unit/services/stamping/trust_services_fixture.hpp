// A time-stamping authority and an OCSP responder made of OpenSSL's own command-line tools
// (`openssl ts -reply`, `openssl ocsp -index`), for unit tests of the LT sealers and verifiers:
// the real tools answer, only the HTTP between is left out (the integration and e2e tests have it).
#pragma once

#include <mutex>
#include <string>

#include "seal/trust_services.hpp"
#include "stamping_fixtures.hpp"

namespace stamping_test {

class CliTrustServices : public kutse::stamping::seal::TrustServices {
 public:
  // After MakeSealMaterial(dir): a TSA certificate and an OCSP responder certificate issued by its
  // CA, and an OCSP index naming the seal certificate good (or revoked when `seal_revoked`).
  explicit CliTrustServices(const TempDir& dir, bool seal_revoked = false);

  std::string TimeStampToken(const std::string& sha256) const override;
  std::string OcspResponse(X509* certificate, X509* issuer) const override;

  // Every later call throws TrustServiceUnavailable, as a client does when the service is down.
  void GoDown() { down_ = true; }
  const std::string& TsaCertificateFile() const { return tsa_certificate_file_; }  // PEM
  int TimeStampCalls() const { return time_stamp_calls_; }
  int OcspCalls() const { return ocsp_calls_; }

 private:
  std::string dir_;
  std::string tsa_certificate_file_;
  bool down_ = false;
  mutable std::mutex mutex_;  // the tools share files in `dir_`
  mutable int time_stamp_calls_ = 0;
  mutable int ocsp_calls_ = 0;
};

}  // namespace stamping_test
