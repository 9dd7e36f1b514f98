#include "oidc/key_set_cache.hpp"

#include "kutse/common/log.hpp"

namespace kutse::gateway {

KeySetCache::KeySetCache(Fetch fetch, std::chrono::seconds min_refresh_interval, Clock clock)
    : fetch_(std::move(fetch)), min_refresh_interval_(min_refresh_interval), clock_(std::move(clock)) {}

void KeySetCache::Refresh() {
  last_refresh_ = clock_();
  nlohmann::json set = fetch_();
  std::map<std::string, auth::JwkPublicKey> fresh;
  for (const auto& jwk : set["keys"]) {
    try {
      auto key = auth::JwkPublicKey::FromJwk(jwk);
      if (!key.KeyId().empty()) {
        fresh.emplace(key.KeyId(), key);
      }
    } catch (const std::invalid_argument& error) {
      // A key we cannot use (e.g. for encryption) is skipped, not fatal.
      common::log::Debug("provider key skipped", {{"reason", error.what()}});
    }
  }
  keys_ = std::move(fresh);
}

std::optional<auth::JwkPublicKey> KeySetCache::Find(const std::string& kid) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = keys_.find(kid);
  if (found != keys_.end()) {
    return found->second;
  }
  if (last_refresh_ && clock_() - *last_refresh_ < min_refresh_interval_) {
    return std::nullopt;
  }
  Refresh();
  found = keys_.find(kid);
  if (found == keys_.end()) {
    return std::nullopt;
  }
  return found->second;
}

}  // namespace kutse::gateway
