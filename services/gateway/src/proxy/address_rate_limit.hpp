// A budget per client address for the anonymous routes that cost the most: the public verification
// of an uploaded sealed document (every upload is parsed and its signature checked). Signed-in people
// and API clients have their own limits; this one stops one address from taking the stamping
// service's cores from everyone else. Kept in each replica's memory, like the API clients' budgets.
#pragma once

#include "clients/rate_limiter.hpp"
#include "kutse/http/request.hpp"
#include "proxy/client_address.hpp"

namespace kutse::gateway {

class AddressRateLimit {
 public:
  // `per_minute` 0: no limit.
  AddressRateLimit(TrustedProxies proxies, int per_minute,
                   const common::Clock& clock = common::SystemClock::Instance())
      : proxies_(std::move(proxies)), per_minute_(per_minute), limiter_(clock) {}

  // Throws common::StatusError (429 gateway.uploads_rate_limited, with Retry-After) when the
  // caller's address has used its budget.
  void Check(const http::Request& request);

 private:
  TrustedProxies proxies_;
  int per_minute_;
  RateLimiter limiter_;
};

}  // namespace kutse::gateway
