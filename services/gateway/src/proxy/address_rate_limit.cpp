#include "proxy/address_rate_limit.hpp"

#include "kutse/common/status.hpp"

namespace kutse::gateway {

void AddressRateLimit::Check(const http::Request& request) {
  if (per_minute_ <= 0) {
    return;
  }
  const std::string address = proxies_.ClientAddress(request.peer_address, request.Header("x-forwarded-for"));
  int wait = 0;
  if (!limiter_.Allow(AddressBudgetKey(address), per_minute_, wait)) {
    throw common::StatusError(common::ResourceExhausted(common::Msg("gateway.uploads_rate_limited"))
                                  .WithRetryAfter(std::chrono::seconds(wait)));
  }
}

}  // namespace kutse::gateway
