// Per-client request budgets: a token bucket of `per_minute` requests that refills evenly. Kept in
// each gateway replica's memory, so with N replicas a client may reach up to N times its limit;
// the load balancer's stickiness or a shared store would tighten that. A budget that has refilled
// is the same as none, so when there are many keys (client addresses) the full ones are dropped.
// No I/O.
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

  // How many budgets are kept now.
  size_t Size() const;

 private:
  struct Bucket {
    double tokens = 0;
    double capacity = 0;
    double per_second = 0;
    std::chrono::steady_clock::time_point updated;
  };
  // Drops the budgets that have refilled by `now`; called with the lock held.
  void DropFull(std::chrono::steady_clock::time_point now);
  const common::Clock& clock_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace kutse::gateway
