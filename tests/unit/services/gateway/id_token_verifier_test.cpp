#include "oidc/id_token_verifier.hpp"

#include <catch2/catch.hpp>

#include "oidc/key_set_cache.hpp"
#include "oidc/pkce.hpp"
#include "support/test_jwt.hpp"

using namespace kutse::gateway;
using kutse::testing::TestSigningKey;

namespace {

constexpr long long kNow = 1800000000;

nlohmann::json TaraClaims() {
  return {{"iss", "https://tara.example"},
          {"aud", "kutse"},
          {"sub", "EE60001019906"},
          {"iat", kNow - 5},
          {"exp", kNow + 300},
          {"nonce", "n-123"},
          {"amr", {"mID"}},
          {"acr", "high"},
          {"profile_attributes",
           {{"given_name", "MARI"}, {"family_name", "MAASIKAS"}, {"date_of_birth", "2000-01-01"}}}};
}

IdTokenExpectations Expected() {
  IdTokenExpectations expected;
  expected.issuer = "https://tara.example";
  expected.client_id = "kutse";
  expected.nonce = "n-123";
  expected.now = kNow;
  return expected;
}

KeyLookup Keys(const std::vector<const TestSigningKey*>& keys) {
  return [keys](const std::string& kid) -> std::optional<kutse::auth::JwkPublicKey> {
    for (const auto* key : keys) {
      if (key->KeyId() == kid) {
        return kutse::auth::JwkPublicKey::FromJwk(key->PublicJwk());
      }
    }
    return std::nullopt;
  };
}

}  // namespace

TEST_CASE("a TARA ID token signed RS256 or ES256 gives the person") {
  auto rsa = TestSigningKey::Rsa("rsa-1");
  auto ec = TestSigningKey::Ec("ec-1");
  for (const auto* key : {&rsa, &ec}) {
    INFO(key->Algorithm());
    auto result = VerifyIdToken(key->Sign(TaraClaims()), Keys({&rsa, &ec}), Expected());
    REQUIRE(result.problem == IdTokenProblem::kNone);
    REQUIRE(result.person->personal_code == "60001019906");
    REQUIRE(result.person->given_name == "MARI");
    REQUIRE(result.person->date_of_birth == "2000-01-01");
    REQUIRE(result.person->amr == std::vector<std::string>{"mID"});
    REQUIRE(result.person->acr == "high");
  }
}

TEST_CASE("tampered, expired, wrong-audience, wrong-nonce and unknown-key tokens are refused") {
  auto key = TestSigningKey::Rsa("rsa-1");
  auto stranger = TestSigningKey::Rsa("rsa-1");  // same kid, another key
  auto keys = Keys({&key});

  std::string token = key.Sign(TaraClaims());
  std::string tampered = token;
  tampered[tampered.find('.') + 5] ^= 1;
  REQUIRE(VerifyIdToken(tampered, keys, Expected()).problem != IdTokenProblem::kNone);
  auto claims = TaraClaims();
  claims["sub"] = "EE36805280109";
  std::string swapped_claims =
      token.substr(0, token.find('.') + 1) + key.Sign(claims).substr(key.Sign(claims).find('.') + 1);
  swapped_claims = swapped_claims.substr(0, swapped_claims.rfind('.')) + token.substr(token.rfind('.'));
  REQUIRE(VerifyIdToken(swapped_claims, keys, Expected()).problem == IdTokenProblem::kBadSignature);
  REQUIRE(VerifyIdToken(stranger.Sign(TaraClaims()), keys, Expected()).problem ==
          IdTokenProblem::kBadSignature);

  auto expired = TaraClaims();
  expired["exp"] = kNow - 120;
  REQUIRE(VerifyIdToken(key.Sign(expired), keys, Expected()).problem == IdTokenProblem::kExpired);
  auto future = TaraClaims();
  future["iat"] = kNow + 3600;
  REQUIRE(VerifyIdToken(key.Sign(future), keys, Expected()).problem == IdTokenProblem::kIssuedInFuture);
  auto other_client = TaraClaims();
  other_client["aud"] = {"someone-else"};
  REQUIRE(VerifyIdToken(key.Sign(other_client), keys, Expected()).problem == IdTokenProblem::kWrongAudience);
  auto other_issuer = TaraClaims();
  other_issuer["iss"] = "https://evil.example";
  REQUIRE(VerifyIdToken(key.Sign(other_issuer), keys, Expected()).problem == IdTokenProblem::kWrongIssuer);
  auto replayed = TaraClaims();
  replayed["nonce"] = "n-other";
  REQUIRE(VerifyIdToken(key.Sign(replayed), keys, Expected()).problem == IdTokenProblem::kWrongNonce);
  REQUIRE(VerifyIdToken(key.Sign(TaraClaims(), {{"kid", "rotated-away"}}), keys, Expected()).problem ==
          IdTokenProblem::kUnknownKey);
  REQUIRE(VerifyIdToken(key.Sign(TaraClaims(), {{"alg", "none"}}), keys, Expected()).problem ==
          IdTokenProblem::kUnsupportedAlgorithm);
  REQUIRE(VerifyIdToken(key.Sign(TaraClaims(), {{"alg", "HS256"}}), keys, Expected()).problem ==
          IdTokenProblem::kUnsupportedAlgorithm);
  REQUIRE(VerifyIdToken("a.b", keys, Expected()).problem == IdTokenProblem::kMalformed);
}

TEST_CASE("an ES256 signature never verifies under an RSA key of the same kid, and the reverse") {
  auto rsa = TestSigningKey::Rsa("k");
  auto ec = TestSigningKey::Ec("k");
  REQUIRE(VerifyIdToken(ec.Sign(TaraClaims()), Keys({&rsa}), Expected()).problem ==
          IdTokenProblem::kBadSignature);
  REQUIRE(VerifyIdToken(rsa.Sign(TaraClaims()), Keys({&ec}), Expected()).problem ==
          IdTokenProblem::kBadSignature);
}

TEST_CASE("a subject that is not EE and a valid personal code is refused") {
  auto key = TestSigningKey::Ec("ec-1");
  for (const char* sub :
       {"EE60001019907", "LV010101-12345", "60001019906", "EE6000101990", "ee60001019906"}) {
    INFO(sub);
    auto claims = TaraClaims();
    claims["sub"] = sub;
    REQUIRE(VerifyIdToken(key.Sign(claims), Keys({&key}), Expected()).problem ==
            IdTokenProblem::kNotAnEstonianPerson);
  }
}

TEST_CASE("the key set is fetched again for an unknown kid, but not more often than allowed") {
  auto first = TestSigningKey::Rsa("old");
  auto second = TestSigningKey::Ec("new");
  int fetches = 0;
  nlohmann::json published = {{"keys", {first.PublicJwk()}}};
  auto now = std::chrono::steady_clock::now();
  KeySetCache cache(
      [&] {
        ++fetches;
        return published;
      },
      std::chrono::seconds(30), [&] { return now; });
  REQUIRE(cache.Find("old"));
  REQUIRE(fetches == 1);
  published = {{"keys", {first.PublicJwk(), second.PublicJwk(), {{"kty", "oct"}, {"kid", "secret"}}}}};
  REQUIRE_FALSE(cache.Find("new"));  // too soon after the last fetch
  REQUIRE(fetches == 1);
  now += std::chrono::seconds(31);
  REQUIRE(cache.Find("new"));
  REQUIRE(fetches == 2);
  REQUIRE_FALSE(cache.Find("secret"));
}

TEST_CASE("PKCE S256 matches RFC 7636's example and verifiers are fresh") {
  REQUIRE(CodeChallengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") ==
          "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  REQUIRE(NewCodeVerifier().size() == 43);
  REQUIRE(NewCodeVerifier() != NewCodeVerifier());
}
