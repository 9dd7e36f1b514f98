#include "kutse/auth/service_token.hpp"

#include <stdexcept>

#include "kutse/auth/jwt_parts.hpp"
#include "kutse/common/base64url.hpp"
#include "kutse/common/ids.hpp"

namespace kutse::auth {
namespace {

constexpr size_t kMaxTokenSize = 8192;
constexpr const char* kSubjectPrefix = "service:";

long long EpochSeconds(std::chrono::system_clock::time_point at) {
  return std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
}

common::Status Refused(common::Message why) {
  return common::Unauthenticated(std::move(why));
}

bool IsText(const nlohmann::json& object, const char* name) {
  return object.contains(name) && object[name].is_string();
}

}  // namespace

ServiceTokenSigner::ServiceTokenSigner(std::string service, Es256Key key, std::chrono::seconds lifetime,
                                       Clock clock)
    : service_(std::move(service)), key_(std::move(key)), lifetime_(lifetime), clock_(std::move(clock)) {
  if (!IsValidServiceName(service_)) {
    throw std::invalid_argument("not a service name: " + service_);
  }
  if (lifetime_.count() < 1 || lifetime_ > kMaxServiceTokenLifetime) {
    throw std::invalid_argument("a service token lives 1 to 300 seconds");
  }
}

std::string ServiceTokenSigner::Issue(const std::string& audience) {
  auto now = clock_();
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = by_audience_.find(audience);
  if (found != by_audience_.end() && now < found->second.renew_after) {
    return found->second.token;
  }
  nlohmann::json header = {{"alg", "ES256"}, {"typ", "JWT"}, {"kid", key_.KeyId()}};
  const std::string subject = kSubjectPrefix + service_;
  nlohmann::json claims = {{"iss", subject},
                           {"sub", subject},
                           {"aud", audience},
                           {"iat", EpochSeconds(now)},
                           {"exp", EpochSeconds(now + lifetime_)},
                           {"jti", common::NewUuid()}};
  std::string signing_input =
      common::Base64UrlEncode(header.dump()) + "." + common::Base64UrlEncode(claims.dump());
  std::string token = signing_input + "." + common::Base64UrlEncode(key_.Sign(signing_input));
  by_audience_[audience] = Cached{token, now + lifetime_ / 2};
  return token;
}

ServiceTokenVerifier::ServiceTokenVerifier(std::string audience, std::vector<TrustedService> trusted,
                                           Clock clock)
    : audience_(std::move(audience)), clock_(std::move(clock)) {
  if (!IsValidServiceName(audience_)) {
    throw std::invalid_argument("not a service name: " + audience_);
  }
  for (auto& service : trusted) {
    if (!IsValidServiceName(service.name)) {
      throw std::invalid_argument("not a service name: " + service.name);
    }
    std::string kid = service.public_key.KeyId();
    auto [at, added] = by_key_id_.emplace(kid, std::move(service));
    if (!added) {
      throw std::invalid_argument("one key is given twice, or for two services: " + kid);
    }
  }
}

const TrustedService* ServiceTokenVerifier::Find(const std::string& kid) const {
  auto found = by_key_id_.find(kid);
  return found == by_key_id_.end() ? nullptr : &found->second;
}

bool ServiceTokenVerifier::NamesTrustedKey(const std::string& token) const {
  auto parts = SplitJwt(token, kMaxTokenSize);
  return parts && IsText(parts->header, "kid") && Find(parts->header["kid"].get<std::string>()) != nullptr;
}

common::StatusOr<Identity> ServiceTokenVerifier::Verify(const std::string& token) const {
  auto parts = SplitJwt(token, kMaxTokenSize);
  if (!parts) {
    return Refused(common::Msg("auth.service_token_malformed"));
  }
  if (!IsText(parts->header, "alg") || parts->header["alg"] != "ES256") {
    return Refused(common::Msg("auth.service_token_not_es256"));
  }
  const TrustedService* caller = IsText(parts->header, "kid") ? Find(parts->header["kid"]) : nullptr;
  if (caller == nullptr) {
    return Refused(common::Msg("auth.service_token_untrusted_key"));
  }
  if (!caller->public_key.Verify(parts->signing_input, parts->signature)) {
    return Refused(common::Msg("auth.service_token_bad_signature"));
  }
  const nlohmann::json& claims = parts->claims;
  // A key speaks only for its own service: the stamping service's key cannot sign for another.
  const std::string subject = kSubjectPrefix + caller->name;
  if (!IsText(claims, "iss") || claims["iss"] != subject || !IsText(claims, "sub") ||
      claims["sub"] != subject) {
    return Refused(common::Msg("auth.service_token_wrong_subject"));
  }
  if (!IsText(claims, "aud") || claims["aud"] != audience_) {
    return Refused(common::Msg("auth.service_token_wrong_audience"));
  }
  if (!claims.contains("exp") || !claims["exp"].is_number_integer() || !claims.contains("iat") ||
      !claims["iat"].is_number_integer()) {
    return Refused(common::Msg("auth.service_token_malformed"));
  }
  long long now = EpochSeconds(clock_());
  long long exp = claims["exp"].get<long long>();
  long long iat = claims["iat"].get<long long>();
  if (exp <= now) {
    return Refused(common::Msg("auth.service_token_expired"));
  }
  if (iat > now + kServiceTokenClockSkew.count() || exp - iat > kMaxServiceTokenLifetime.count()) {
    return Refused(common::Msg("auth.service_token_not_yet_valid"));
  }
  Identity identity;
  identity.kind = Identity::Kind::kService;
  identity.service = caller->name;
  identity.name = caller->name;
  return identity;
}

}  // namespace kutse::auth
