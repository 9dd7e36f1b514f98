// The gateway's side of internal tokens: a short-lived ES256 JWT per (caller, audience service).
// Signing is ECDSA work, so a token is reused while more than half its lifetime is left.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

#include "kutse/auth/es256_key.hpp"
#include "kutse/auth/identity.hpp"

namespace kutse::auth {

inline constexpr const char* kTokenIssuer = "kutse-gateway";

class TokenSigner {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  TokenSigner(Es256Key key, std::chrono::seconds lifetime, Clock clock = std::chrono::system_clock::now);

  std::string Issue(const Identity& caller, const std::string& audience);

 private:
  struct Cached {
    std::string token;
    std::chrono::system_clock::time_point renew_after;
  };
  std::string SignNew(const Identity& caller, const std::string& audience,
                      std::chrono::system_clock::time_point now) const;

  Es256Key key_;
  std::chrono::seconds lifetime_;
  Clock clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, Cached> cache_;
};

}  // namespace kutse::auth
