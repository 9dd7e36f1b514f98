// A service's side of internal tokens: verify the gateway's ES256 JWT and read the caller from it.
// Checks signature (by kid), iss, aud (= this service), exp, iat and a bounded lifetime.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "kutse/auth/es256_key.hpp"
#include "kutse/auth/identity.hpp"

namespace kutse::auth {

enum class TokenProblem {
  kNone,
  kMalformed,
  kWrongAlgorithm,
  kUnknownKey,
  kBadSignature,
  kWrongIssuer,
  kWrongAudience,
  kExpired,
  kNotYetValid,
  kBadClaims,
};

const char* Describe(TokenProblem problem);

struct VerifiedToken {
  std::optional<Identity> identity;
  TokenProblem problem = TokenProblem::kNone;
};

class TokenVerifier {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  TokenVerifier(Es256Key key, std::string audience, Clock clock = std::chrono::system_clock::now);

  VerifiedToken Verify(const std::string& token);

 private:
  VerifiedToken VerifyUncached(const std::string& token, long long now, long long& expires_at) const;

  Es256Key key_;
  std::string audience_;
  Clock clock_;
  std::mutex mutex_;
  // A token is verified once and then trusted until it expires: saves an ECDSA verify per request.
  std::unordered_map<std::string, std::pair<Identity, long long>> verified_;
};

}  // namespace kutse::auth
