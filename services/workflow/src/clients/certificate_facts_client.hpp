// The workflow's one synchronous question to the certificate service (ADR 0008): the facts of one
// certificate as the register has them now, asked with the workflow's own service token (ADR 0005)
// on GET /internal/v1/certificates/{number}/facts. Thread-safe, blocking: for worker threads.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "domain/certificate_facts.hpp"
#include "kutse/auth/service_token.hpp"
#include "kutse/common/status.hpp"
#include "kutse/http/client.hpp"

namespace kutse::workflow {

// Well under the gateway's 10 s for any answer (services/gateway/src/proxy/route_table.hpp), so a
// slow certificate service gives the holder a clear 503, never the gateway's 504. The question is a
// primary-key read: a healthy answer takes milliseconds.
inline constexpr std::chrono::milliseconds kFactsConnectTimeout{500};
inline constexpr std::chrono::milliseconds kFactsAttemptTimeout{2000};
inline constexpr std::chrono::milliseconds kFactsBudget{4000};  // every attempt and wait included

struct CertificateFactsClientOptions {
  std::string base_url;  // the certificate service: KUTSE_UPSTREAM_CERTIFICATE
  std::chrono::milliseconds connect_timeout = kFactsConnectTimeout;
  std::chrono::milliseconds attempt_timeout = kFactsAttemptTimeout;
  std::chrono::milliseconds budget = kFactsBudget;
};

class CertificateFactsClient {
 public:
  // `signer` is the workflow's own (service "workflow"); tokens are for the audience "certificate".
  CertificateFactsClient(const CertificateFactsClientOptions& options,
                         std::shared_ptr<auth::ServiceTokenSigner> signer);

  // Not found when the register holds no such number; unavailable when the certificate service
  // cannot answer now (not reachable, refused, timed out, 5xx: the caller answers 503 with
  // Retry-After and stores nothing); internal for an answer that cannot be read, or a refusal of
  // the workflow's own token (a deployment error).
  common::StatusOr<CertificateFacts> Fetch(const std::string& number) const;

 private:
  http::Client client_;
  std::shared_ptr<auth::ServiceTokenSigner> signer_;
};

}  // namespace kutse::workflow
