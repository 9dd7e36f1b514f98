// The time-stamping authority's client (RFC 3161 over HTTP, RFC 3161 section 3.4): a
// TimeStampReq for a SHA-256 imprint with a random 64-bit nonce and certReq, POSTed as
// application/timestamp-query; the TimeStampResp checked before its token is handed out.
// Thread-safe, blocking: for worker threads.
#pragma once

#include <openssl/x509.h>

#include <chrono>
#include <memory>
#include <string>

#include "clients/trust_service_exchange.hpp"

namespace kutse::stamping {

struct TsaOptions {
  std::string url;
  // PEM certificates the TSA's signing certificate must lead to (the TSA's CA, or its own
  // certificate); empty: the token is checked with the certificate it carries alone.
  std::string trust_pem;
  std::string policy_oid;  // empty: the TSA's default policy
  std::chrono::milliseconds budget{2500};
};

class TsaClient {
 public:
  // Throws std::invalid_argument when the trust PEM holds no certificate or the policy is no OID.
  explicit TsaClient(TsaOptions options);
  ~TsaClient();
  TsaClient(TsaClient&&) noexcept;
  TsaClient& operator=(TsaClient&&) = delete;
  TsaClient(const TsaClient&) = delete;
  TsaClient& operator=(const TsaClient&) = delete;

  // The DER TimeStampToken for `sha256` (32 bytes), after checking that the status is granted,
  // the version, imprint, nonce and policy are those asked for, and the token's signature (with the
  // ESS signing certificate) verifies against the trust PEM or the certificate it carries.
  // Throws seal::TrustServiceUnavailable; std::invalid_argument when `sha256` is not 32 bytes.
  std::string TimeStampToken(const std::string& sha256) const;

  std::string Host() const { return exchange_.Host(); }

 private:
  TsaOptions options_;
  TrustServiceExchange exchange_;
  X509_STORE* trust_ = nullptr;  // null without a trust PEM; shared by the calls (reference counted)
};

}  // namespace kutse::stamping
