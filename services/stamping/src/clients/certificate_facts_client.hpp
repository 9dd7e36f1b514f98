// The stamping service's one synchronous question to the certificate service (ADR 0008): the facts
// of one certificate as the register has them at the instant of stamping, asked with the stamping
// service's own service token (ADR 0005) on GET /internal/v1/certificates/{number}/facts; the same
// pattern as the workflow's client. Thread-safe, blocking: for worker threads.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "domain/certificate_on_record.hpp"
#include "kutse/auth/service_token.hpp"
#include "kutse/common/status.hpp"
#include "kutse/http/client.hpp"

namespace kutse::stamping {

// Well under the gateway's 10 s for any answer, so a slow certificate service gives the holder a
// clear 503, never the gateway's 504; rendering and sealing take tens of milliseconds after it.
inline constexpr std::chrono::milliseconds kFactsConnectTimeout{500};
inline constexpr std::chrono::milliseconds kFactsAttemptTimeout{2000};
inline constexpr std::chrono::milliseconds kFactsBudget{4000};  // every attempt and wait included

class CertificateFactsClient {
 public:
  // `base_url` is KUTSE_UPSTREAM_CERTIFICATE; `signer` is the stamping service's own.
  CertificateFactsClient(const std::string& base_url, std::shared_ptr<auth::ServiceTokenSigner> signer);

  // Not found when the register holds no such number; unavailable (with Retry-After) when the
  // certificate service cannot answer now; internal for an unreadable answer or a refusal of the
  // stamping service's own token (a deployment error).
  common::StatusOr<CertificateOnRecord> Fetch(const std::string& number) const;

 private:
  http::Client client_;
  std::shared_ptr<auth::ServiceTokenSigner> signer_;
};

}  // namespace kutse::stamping
