// The provider's signing keys by kid, fetched on first use and again when a token names a kid we do
// not know (key rotation), at most once per `min_refresh_interval`.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "kutse/auth/jwk_public_key.hpp"

namespace kutse::gateway {

class KeySetCache {
 public:
  using Fetch = std::function<nlohmann::json()>;  // returns {"keys":[...]}
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  KeySetCache(Fetch fetch, std::chrono::seconds min_refresh_interval,
              Clock clock = std::chrono::steady_clock::now);

  std::optional<auth::JwkPublicKey> Find(const std::string& kid);

 private:
  void Refresh();

  Fetch fetch_;
  std::chrono::seconds min_refresh_interval_;
  Clock clock_;
  std::mutex mutex_;
  std::map<std::string, auth::JwkPublicKey> keys_;
  std::optional<std::chrono::steady_clock::time_point> last_refresh_;
};

}  // namespace kutse::gateway
