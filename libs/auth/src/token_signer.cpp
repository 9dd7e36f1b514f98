#include "kutse/auth/token_signer.hpp"

#include "kutse/common/base64url.hpp"
#include "kutse/common/ids.hpp"

namespace kutse::auth {
namespace {

constexpr size_t kMaxCachedTokens = 50000;

long long EpochSeconds(std::chrono::system_clock::time_point at) {
  return std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
}

}  // namespace

TokenSigner::TokenSigner(Es256Key key, std::chrono::seconds lifetime, Clock clock)
    : key_(std::move(key)), lifetime_(lifetime), clock_(std::move(clock)) {}

std::string TokenSigner::SignNew(const Identity& caller, const std::string& audience,
                                 std::chrono::system_clock::time_point now) const {
  nlohmann::json header = {{"alg", "ES256"}, {"typ", "JWT"}, {"kid", key_.KeyId()}};
  nlohmann::json claims = caller.ToClaims();
  claims["iss"] = kTokenIssuer;
  claims["aud"] = audience;
  claims["iat"] = EpochSeconds(now);
  claims["exp"] = EpochSeconds(now + lifetime_);
  claims["jti"] = common::NewUuid();
  std::string signing_input =
      common::Base64UrlEncode(header.dump()) + "." + common::Base64UrlEncode(claims.dump());
  return signing_input + "." + common::Base64UrlEncode(key_.Sign(signing_input));
}

std::string TokenSigner::Issue(const Identity& caller, const std::string& audience) {
  auto now = clock_();
  // Everything the token says about the caller, cheaply: no JSON on the hot path.
  std::string cache_key = audience + '\n' + caller.Subject() + '\n' + caller.name;
  for (const auto& role : caller.roles) {
    cache_key += '\n' + role;
  }
  for (const auto& scope : caller.scopes) {
    cache_key += "\n+" + scope;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = cache_.find(cache_key);
    if (found != cache_.end() && now < found->second.renew_after) {
      return found->second.token;
    }
  }
  std::string token = SignNew(caller, audience, now);
  std::lock_guard<std::mutex> lock(mutex_);
  if (cache_.size() >= kMaxCachedTokens) {
    cache_.clear();  // crude but bounded; a refill costs one signature per active caller
  }
  cache_[cache_key] = Cached{token, now + lifetime_ / 2};
  return token;
}

}  // namespace kutse::auth
