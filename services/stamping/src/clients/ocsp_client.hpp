// The OCSP responder's client (RFC 6960, HTTP POST of appendix A.1): a request for one
// certificate with a nonce, POSTed as application/ocsp-request; the response checked before it is
// handed out whole. No cache: each seal asks anew, after its time-stamp, so the response is newer
// than the time-stamp (as DigiDoc's validator wants). Thread-safe, blocking: for worker threads.
#pragma once

#include <openssl/x509.h>

#include <chrono>
#include <string>

#include "clients/trust_service_exchange.hpp"

namespace kutse::stamping {

// How far thisUpdate may be ahead of this machine's clock, and nextUpdate behind it.
inline constexpr std::chrono::seconds kOcspClockSkew{300};

class OcspClient {
 public:
  OcspClient(std::string url, std::chrono::milliseconds budget);

  // The DER OCSPResponse, once it is successful and basic, signed by `issuer` or by a responder
  // certificate `issuer` issued for OCSPSigning, echoes the nonce (when it echoes one), is current
  // (within kOcspClockSkew) and says `certificate` is good. Throws seal::TrustServiceUnavailable,
  // also when the certificate is revoked or unknown.
  std::string Response(X509* certificate, X509* issuer) const;

  std::string Host() const { return exchange_.Host(); }

 private:
  TrustServiceExchange exchange_;
};

}  // namespace kutse::stamping
