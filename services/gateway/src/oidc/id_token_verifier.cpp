#include "oidc/id_token_verifier.hpp"

#include "kutse/auth/jwt_parts.hpp"
#include "kutse/common/personal_code.hpp"

namespace kutse::gateway {
namespace {

IdTokenResult Refused(IdTokenProblem problem) {
  return IdTokenResult{std::nullopt, problem};
}

bool AudienceContains(const nlohmann::json& aud, const std::string& client_id) {
  if (aud.is_string()) {
    return aud == client_id;
  }
  if (aud.is_array()) {
    for (const auto& entry : aud) {
      if (entry == client_id) {
        return true;
      }
    }
  }
  return false;
}

std::string Text(const nlohmann::json& object, const char* key) {
  return object.is_object() && object.contains(key) && object[key].is_string()
             ? object[key].get<std::string>()
             : "";
}

}  // namespace

const char* Describe(IdTokenProblem problem) {
  switch (problem) {
    case IdTokenProblem::kNone:
      return "valid";
    case IdTokenProblem::kMalformed:
      return "malformed ID token";
    case IdTokenProblem::kUnsupportedAlgorithm:
      return "ID token algorithm is neither RS256 nor ES256";
    case IdTokenProblem::kUnknownKey:
      return "ID token signed with a key the provider does not publish";
    case IdTokenProblem::kBadSignature:
      return "ID token signature does not verify";
    case IdTokenProblem::kWrongIssuer:
      return "ID token from another issuer";
    case IdTokenProblem::kWrongAudience:
      return "ID token for another client";
    case IdTokenProblem::kExpired:
      return "ID token expired";
    case IdTokenProblem::kIssuedInFuture:
      return "ID token issued in the future";
    case IdTokenProblem::kWrongNonce:
      return "ID token nonce does not match the login";
    case IdTokenProblem::kNotAnEstonianPerson:
      return "subject is not EE and a valid Estonian personal code";
  }
  return "invalid";
}

IdTokenResult VerifyIdToken(const std::string& token, const KeyLookup& keys,
                            const IdTokenExpectations& expected) {
  auto parts = auth::SplitJwt(token);
  if (!parts) {
    return Refused(IdTokenProblem::kMalformed);
  }
  std::string alg = Text(parts->header, "alg");
  if (alg != "RS256" && alg != "ES256") {
    return Refused(IdTokenProblem::kUnsupportedAlgorithm);
  }
  std::string kid = Text(parts->header, "kid");
  auto key = kid.empty() ? std::nullopt : keys(kid);
  if (!key) {
    return Refused(IdTokenProblem::kUnknownKey);
  }
  if (!key->Verify(alg, parts->signing_input, parts->signature)) {
    return Refused(IdTokenProblem::kBadSignature);
  }
  const nlohmann::json& claims = parts->claims;
  if (Text(claims, "iss") != expected.issuer) {
    return Refused(IdTokenProblem::kWrongIssuer);
  }
  if (!claims.contains("aud") || !AudienceContains(claims["aud"], expected.client_id)) {
    return Refused(IdTokenProblem::kWrongAudience);
  }
  if (!claims.contains("exp") || !claims["exp"].is_number() || !claims.contains("iat") ||
      !claims["iat"].is_number()) {
    return Refused(IdTokenProblem::kMalformed);
  }
  if (claims["exp"].get<long long>() + expected.clock_skew <= expected.now) {
    return Refused(IdTokenProblem::kExpired);
  }
  if (claims["iat"].get<long long>() > expected.now + expected.clock_skew) {
    return Refused(IdTokenProblem::kIssuedInFuture);
  }
  if (expected.nonce.empty() || Text(claims, "nonce") != expected.nonce) {
    return Refused(IdTokenProblem::kWrongNonce);
  }
  std::string sub = Text(claims, "sub");
  if (sub.size() != 13 || sub.rfind("EE", 0) != 0 || !common::IsValidPersonalCode(sub.substr(2))) {
    return Refused(IdTokenProblem::kNotAnEstonianPerson);
  }
  TaraPerson person;
  person.personal_code = sub.substr(2);
  const nlohmann::json profile =
      claims.contains("profile_attributes") ? claims["profile_attributes"] : nlohmann::json();
  person.given_name = Text(profile, "given_name");
  person.family_name = Text(profile, "family_name");
  person.date_of_birth = Text(profile, "date_of_birth");
  if (claims.contains("amr") && claims["amr"].is_array()) {
    for (const auto& method : claims["amr"]) {
      if (method.is_string()) {
        person.amr.push_back(method);
      }
    }
  }
  person.acr = Text(claims, "acr");
  return IdTokenResult{person, IdTokenProblem::kNone};
}

}  // namespace kutse::gateway
