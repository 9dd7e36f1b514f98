#include <catch2/catch.hpp>

#include "kutse/auth/token_signer.hpp"
#include "kutse/auth/token_verifier.hpp"
#include "kutse/common/base64url.hpp"
#include "support/test_keys.hpp"

using namespace kutse::auth;
using kutse::common::Base64UrlDecode;
using kutse::common::Base64UrlEncode;
using std::chrono::seconds;
using Clock = std::chrono::system_clock;

namespace {

Identity Holder() {
  Identity identity;
  identity.personal_code = "36805280109";
  identity.name = "Jaan Tamm";
  identity.roles = {"holder"};
  return identity;
}

struct FixedClock {
  Clock::time_point now = Clock::time_point(seconds(1800000000));
  Clock::time_point operator()() const { return now; }
};

}  // namespace

TEST_CASE("a token signed for a service verifies there and carries the caller") {
  auto keys = kutse::testing::NewP256KeyPair();
  TokenSigner signer(Es256Key::FromPrivatePem(keys.private_pem), seconds(60));
  TokenVerifier verifier(Es256Key::FromPublicPem(keys.public_pem), "certificate");
  auto verified = verifier.Verify(signer.Issue(Holder(), "certificate"));
  REQUIRE(verified.problem == TokenProblem::kNone);
  REQUIRE(verified.identity->personal_code == "36805280109");
  REQUIRE(verified.identity->name == "Jaan Tamm");
}

TEST_CASE("a token for another audience, from another key, tampered or expired is refused") {
  auto keys = kutse::testing::NewP256KeyPair();
  auto other = kutse::testing::NewP256KeyPair();
  auto clock = std::make_shared<FixedClock>();
  auto now = [clock] { return (*clock)(); };
  TokenSigner signer(Es256Key::FromPrivatePem(keys.private_pem), seconds(60), now);
  TokenVerifier verifier(Es256Key::FromPublicPem(keys.public_pem), "certificate", now);

  REQUIRE(verifier.Verify(signer.Issue(Holder(), "notification")).problem == TokenProblem::kWrongAudience);

  TokenSigner stranger(Es256Key::FromPrivatePem(other.private_pem), seconds(60), now);
  REQUIRE(verifier.Verify(stranger.Issue(Holder(), "certificate")).problem == TokenProblem::kUnknownKey);

  std::string token = signer.Issue(Holder(), "certificate");
  size_t first = token.find('.');
  size_t second = token.find('.', first + 1);
  auto claims = nlohmann::json::parse(*Base64UrlDecode(token.substr(first + 1, second - first - 1)));
  claims["roles"] = {"holder", "admin"};
  std::string forged = token.substr(0, first) + "." + Base64UrlEncode(claims.dump()) + token.substr(second);
  REQUIRE(verifier.Verify(forged).problem == TokenProblem::kBadSignature);

  std::string none_alg = Base64UrlEncode(R"({"alg":"none","typ":"JWT"})") + token.substr(first);
  REQUIRE(verifier.Verify(none_alg).problem == TokenProblem::kWrongAlgorithm);
  REQUIRE(verifier.Verify("not-a-token").problem == TokenProblem::kMalformed);

  clock->now += seconds(61);
  REQUIRE(verifier.Verify(token).problem == TokenProblem::kExpired);
}

TEST_CASE("the signer reuses a token for half its life, then signs a fresh one") {
  auto keys = kutse::testing::NewP256KeyPair();
  auto clock = std::make_shared<FixedClock>();
  TokenSigner signer(Es256Key::FromPrivatePem(keys.private_pem), seconds(60), [clock] { return (*clock)(); });
  std::string first = signer.Issue(Holder(), "certificate");
  clock->now += seconds(29);
  REQUIRE(signer.Issue(Holder(), "certificate") == first);
  REQUIRE(signer.Issue(Holder(), "notification") != first);
  clock->now += seconds(2);
  REQUIRE(signer.Issue(Holder(), "certificate") != first);
}

TEST_CASE("keys that are not P-256 are refused") {
  REQUIRE_THROWS_AS(Es256Key::FromPublicPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"),
                    std::invalid_argument);
}
