// The trust services a baseline LT seal needs beside the seal key (ETSI EN 319 122-1 / 319 132-1 /
// 319 142-1): a time-stamping authority (RFC 3161) for the signature time-stamp, and an OCSP
// responder (RFC 6960) for the seal certificate's revocation status. In production these are the
// national trust-service providers; locally deploy/local runs OpenSSL's own `ts` and `ocsp`.
// A sealer given none makes baseline B-B.
#pragma once

#include <openssl/x509.h>

#include <stdexcept>
#include <string>

namespace kutse::stamping::seal {

// A trust service did not answer, or answered with something that cannot go into a seal. The
// stamp is then refused with 503: a holder gets an LT seal or none, never a weaker one silently.
// The message names the service and the reason, never a URL with credentials or a response body.
class TrustServiceUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class TrustServices {
 public:
  virtual ~TrustServices() = default;

  // An RFC 3161 TimeStampToken (the DER of its CMS ContentInfo) whose message imprint is
  // `sha256` (the 32-byte SHA-256 of the time-stamped data), with the TSA's certificate in it.
  // Checked before it is returned: status granted, imprint and nonce those asked for, signed.
  // Throws TrustServiceUnavailable.
  virtual std::string TimeStampToken(const std::string& sha256) const = 0;

  // A DER OCSPResponse (successful, basic, its signature checked against `issuer` or a responder
  // certificate `issuer` issued, thisUpdate not in the future) saying `certificate` is good.
  // Throws TrustServiceUnavailable, also when the certificate is revoked or unknown.
  virtual std::string OcspResponse(X509* certificate, X509* issuer) const = 0;
};

}  // namespace kutse::stamping::seal
