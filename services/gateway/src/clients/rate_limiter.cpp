#include "clients/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace kutse::gateway {
namespace {

// Keys kept before the full budgets are swept out: a few MB at most.
constexpr size_t kSweepAbove = 50000;

}  // namespace

void RateLimiter::DropFull(std::chrono::steady_clock::time_point now) {
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    const double elapsed = std::chrono::duration<double>(now - it->second.updated).count();
    if (it->second.tokens + elapsed * it->second.per_second >= it->second.capacity) {
      it = buckets_.erase(it);
    } else {
      ++it;
    }
  }
}

size_t RateLimiter::Size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return buckets_.size();
}

bool RateLimiter::Allow(const std::string& key, int per_minute, int& seconds_to_wait) {
  auto now = clock_.Monotonic();
  double capacity = per_minute;
  double per_second = per_minute / 60.0;
  std::lock_guard<std::mutex> lock(mutex_);
  if (buckets_.size() >= kSweepAbove && buckets_.count(key) == 0) {
    DropFull(now);
  }
  auto [entry, fresh] = buckets_.try_emplace(key, Bucket{capacity, capacity, per_second, now});
  Bucket& bucket = entry->second;
  if (!fresh) {
    double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(capacity, bucket.tokens + elapsed * per_second);
    bucket.capacity = capacity;
    bucket.per_second = per_second;
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
