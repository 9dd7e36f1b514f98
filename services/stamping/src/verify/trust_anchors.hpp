// Which certificates make a seal the register keeper's: the trust anchors from configuration
// (KUTSE_STAMPING_TRUST_ANCHOR_FILE: the CA that issues the register keeper's seal certificates, or
// the seal certificates themselves), else the seal certificate the service seals with. A signer is
// the register's when a chain from it, through the certificates the signature carries, ends at an
// anchor, valid at the signing time. Never the system's store: a certificate a public CA issued to
// anyone else is not the register's seal. Thread-safe once built; shared by the verifiers.
#pragma once

#include <openssl/x509.h>

#include <chrono>
#include <memory>
#include <string>

#include "verify/signer_trust.hpp"

namespace kutse::stamping::verify {

class TrustAnchors {
 public:
  TrustAnchors() = default;  // none: no seal is the register's
  // Every certificate in `pem`; throws std::runtime_error when it holds none or one is unreadable.
  static TrustAnchors FromPem(const std::string& pem);
  // Exactly this certificate (the seal the service itself seals with).
  static TrustAnchors Of(X509* certificate);

  bool Empty() const { return store_ == nullptr; }
  // `untrusted`: the certificates the signature carries (may be null).
  bool Trusts(X509* signer, STACK_OF(X509) * untrusted, std::chrono::system_clock::time_point at) const;

 private:
  std::shared_ptr<X509_STORE> store_;
};

// `anchors.Trusts` as a SignerTrust for the verifiers; `anchors` must outlive it.
SignerTrust TrustedBy(const TrustAnchors& anchors);

}  // namespace kutse::stamping::verify
