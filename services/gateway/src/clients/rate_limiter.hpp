// Per-client request budgets: a token bucket of `per_minute` requests that refills evenly. Kept in
// each gateway replica's memory, so with N replicas a client may reach up to N times its limit;
// the load balancer's stickiness or a shared store would tighten that. No I/O.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

#include "kutse/common/clock.hpp"

namespace kutse::gateway {

class RateLimiter {
 public:
  // Refills by the clock's monotonic reading, so setting the wall clock neither grants nor takes budget.
  explicit RateLimiter(const common::Clock& clock = common::SystemClock::Instance()) : clock_(clock) {}

  // True when the request may go ahead; otherwise seconds_to_wait says when the next one may.
  bool Allow(const std::string& key, int per_minute, int& seconds_to_wait);

 private:
  struct Bucket {
    double tokens = 0;
    std::chrono::steady_clock::time_point updated;
  };
  const common::Clock& clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace kutse::gateway
