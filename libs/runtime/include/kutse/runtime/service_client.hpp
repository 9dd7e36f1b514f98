// A caller's side of service-to-service calls (ADR 0005, ADR 0008): one GET to another service
// with the caller's own service token, its answer sorted into what the caller tells its own caller.
// Shared by the workflow's and the stamping service's question for a certificate's facts.
#pragma once

#include <string>

#include "kutse/auth/service_token.hpp"
#include "kutse/common/status.hpp"
#include "kutse/http/client.hpp"

namespace kutse::runtime {

// The caller's own message keys for each outcome (its messages/*.json have them).
struct ServiceCallMessages {
  std::string not_found;    // the callee answered 404
  std::string unavailable;  // not reachable, timed out, 5xx
  std::string refused;      // any other answer but 200: our own token refused, a deployment error
};

// The 200 answer's body. Not found for 404; unavailable (the callee's Retry-After kept) when it
// cannot answer now; internal when it refuses the token. Logs the outcome at warn without the body.
common::StatusOr<std::string> GetFromService(const http::Client& client, auth::ServiceTokenSigner& signer,
                                             const std::string& audience, const std::string& target,
                                             const ServiceCallMessages& messages);

}  // namespace kutse::runtime
