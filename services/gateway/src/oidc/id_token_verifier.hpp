// Verifies an OpenID Connect ID token as TARA issues it: signature (RS256 or ES256) by the key its
// `kid` names, then iss, aud, exp, iat and nonce, then that sub is "EE" + a valid personal code.
// No I/O: the keys come from a KeyLookup, the time from the caller.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "kutse/auth/jwk_public_key.hpp"
#include "oidc/tara_person.hpp"

namespace kutse::gateway {

enum class IdTokenProblem {
  kNone,
  kMalformed,
  kUnsupportedAlgorithm,
  kUnknownKey,
  kBadSignature,
  kWrongIssuer,
  kWrongAudience,
  kExpired,
  kIssuedInFuture,
  kWrongNonce,
  kNotAnEstonianPerson,
};

const char* Describe(IdTokenProblem problem);

struct IdTokenExpectations {
  std::string issuer;
  std::string client_id;
  std::string nonce;
  long long now = 0;  // seconds since the epoch
  long long clock_skew = 60;
};

struct IdTokenResult {
  std::optional<TaraPerson> person;
  IdTokenProblem problem = IdTokenProblem::kNone;
};

// Finds the provider's key by kid; may refresh the key set once when the kid is unknown.
using KeyLookup = std::function<std::optional<auth::JwkPublicKey>(const std::string& kid)>;

IdTokenResult VerifyIdToken(const std::string& token, const KeyLookup& keys,
                            const IdTokenExpectations& expected);

}  // namespace kutse::gateway
