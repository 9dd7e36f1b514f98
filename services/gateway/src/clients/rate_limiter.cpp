#include "clients/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace kutse::gateway {

bool RateLimiter::Allow(const std::string& key, int per_minute, int& seconds_to_wait) {
  auto now = clock_.Monotonic();
  double capacity = per_minute;
  double per_second = per_minute / 60.0;
  std::lock_guard<std::mutex> lock(mutex_);
  auto [entry, fresh] = buckets_.try_emplace(key, Bucket{capacity, now});
  Bucket& bucket = entry->second;
  if (!fresh) {
    double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(capacity, bucket.tokens + elapsed * per_second);
    bucket.updated = now;
  }
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    seconds_to_wait = 0;
    return true;
  }
  seconds_to_wait = std::max(1, static_cast<int>(std::ceil((1.0 - bucket.tokens) / per_second)));
  return false;
}

}  // namespace kutse::gateway
