#include "kutse/auth/token_verifier.hpp"

#include "kutse/auth/jwt_parts.hpp"
#include "kutse/auth/token_signer.hpp"

namespace kutse::auth {
namespace {

constexpr long long kClockSkewSeconds = 30;
constexpr long long kMaxLifetimeSeconds = 300;
constexpr size_t kMaxCachedTokens = 50000;
constexpr size_t kMaxTokenSize = 8192;

VerifiedToken Refused(TokenProblem problem) {
  return VerifiedToken{std::nullopt, problem};
}

}  // namespace

const char* Describe(TokenProblem problem) {
  switch (problem) {
    case TokenProblem::kNone:
      return "valid";
    case TokenProblem::kMalformed:
      return "malformed token";
    case TokenProblem::kWrongAlgorithm:
      return "algorithm is not ES256";
    case TokenProblem::kUnknownKey:
      return "unknown key id";
    case TokenProblem::kBadSignature:
      return "signature does not verify";
    case TokenProblem::kWrongIssuer:
      return "wrong issuer";
    case TokenProblem::kWrongAudience:
      return "token is for another service";
    case TokenProblem::kExpired:
      return "token expired";
    case TokenProblem::kNotYetValid:
      return "token issued in the future or lives too long";
    case TokenProblem::kBadClaims:
      return "claims are not a valid identity";
  }
  return "invalid";
}

TokenVerifier::TokenVerifier(Es256Key key, std::string audience, Clock clock)
    : key_(std::move(key)), audience_(std::move(audience)), clock_(std::move(clock)) {}

VerifiedToken TokenVerifier::Verify(const std::string& token) {
  long long now = std::chrono::duration_cast<std::chrono::seconds>(clock_().time_since_epoch()).count();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = verified_.find(token);
    if (found != verified_.end()) {
      if (now < found->second.second) {
        return VerifiedToken{found->second.first, TokenProblem::kNone};
      }
      verified_.erase(found);
      return Refused(TokenProblem::kExpired);
    }
  }
  long long expires_at = 0;
  VerifiedToken result = VerifyUncached(token, now, expires_at);
  if (result.identity) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (verified_.size() >= kMaxCachedTokens) {
      verified_.clear();
    }
    verified_.emplace(token, std::make_pair(*result.identity, expires_at));
  }
  return result;
}

VerifiedToken TokenVerifier::VerifyUncached(const std::string& token, long long now,
                                            long long& expires_at) const {
  auto parts = SplitJwt(token, kMaxTokenSize);
  if (!parts) {
    return Refused(TokenProblem::kMalformed);
  }
  auto* claims = &parts->claims;
  if (parts->header.value("alg", "") != "ES256") {
    return Refused(TokenProblem::kWrongAlgorithm);
  }
  if (parts->header.value("kid", "") != key_.KeyId()) {
    return Refused(TokenProblem::kUnknownKey);
  }
  if (!key_.Verify(parts->signing_input, parts->signature)) {
    return Refused(TokenProblem::kBadSignature);
  }
  if (!(*claims)["iss"].is_string() || (*claims)["iss"] != kTokenIssuer) {
    return Refused(TokenProblem::kWrongIssuer);
  }
  if (!(*claims)["aud"].is_string() || (*claims)["aud"] != audience_) {
    return Refused(TokenProblem::kWrongAudience);
  }
  if (!(*claims)["exp"].is_number_integer() || !(*claims)["iat"].is_number_integer()) {
    return Refused(TokenProblem::kBadClaims);
  }
  long long exp = (*claims)["exp"].get<long long>();
  long long iat = (*claims)["iat"].get<long long>();
  if (exp <= now) {
    return Refused(TokenProblem::kExpired);
  }
  if (iat > now + kClockSkewSeconds || exp - iat > kMaxLifetimeSeconds) {
    return Refused(TokenProblem::kNotYetValid);
  }
  auto identity = Identity::FromClaims(*claims);
  if (!identity) {
    return Refused(TokenProblem::kBadClaims);
  }
  expires_at = exp;
  return VerifiedToken{identity, TokenProblem::kNone};
}

}  // namespace kutse::auth
