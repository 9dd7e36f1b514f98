#include "kutse/auth/token_verifier.hpp"

#include "kutse/auth/base64url.hpp"
#include "kutse/auth/token_signer.hpp"

namespace kutse::auth {
namespace {

constexpr long long kClockSkewSeconds = 30;
constexpr long long kMaxLifetimeSeconds = 300;
constexpr size_t kMaxCachedTokens = 50000;
constexpr size_t kMaxTokenSize = 8192;

std::optional<nlohmann::json> DecodeJsonPart(const std::string& part) {
  auto bytes = Base64UrlDecode(part);
  if (!bytes) {
    return std::nullopt;
  }
  auto parsed = nlohmann::json::parse(*bytes, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return std::nullopt;
  }
  return parsed;
}

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
  if (token.size() > kMaxTokenSize) {
    return Refused(TokenProblem::kMalformed);
  }
  size_t first = token.find('.');
  size_t second = first == std::string::npos ? std::string::npos : token.find('.', first + 1);
  if (second == std::string::npos || token.find('.', second + 1) != std::string::npos) {
    return Refused(TokenProblem::kMalformed);
  }
  auto header = DecodeJsonPart(token.substr(0, first));
  auto claims = DecodeJsonPart(token.substr(first + 1, second - first - 1));
  auto signature = Base64UrlDecode(token.substr(second + 1));
  if (!header || !claims || !signature) {
    return Refused(TokenProblem::kMalformed);
  }
  if (header->value("alg", "") != "ES256") {
    return Refused(TokenProblem::kWrongAlgorithm);
  }
  if (header->value("kid", "") != key_.KeyId()) {
    return Refused(TokenProblem::kUnknownKey);
  }
  if (!key_.Verify(token.substr(0, second), *signature)) {
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
