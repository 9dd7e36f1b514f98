// Service-to-service tokens (ADR 0005): what the callee accepts, and everything it refuses.
#include "kutse/auth/service_token.hpp"

#include <catch2/catch.hpp>

#include "kutse/auth/token_signer.hpp"
#include "kutse/auth/token_verifier.hpp"
#include "kutse/common/base64url.hpp"
#include "kutse/common/message_catalog.hpp"
#include "support/test_keys.hpp"

using namespace kutse;
using namespace kutse::auth;
using kutse::common::Base64UrlDecode;
using kutse::common::Base64UrlEncode;
using std::chrono::seconds;
using Clock = std::chrono::system_clock;

namespace {

struct FixedClock {
  Clock::time_point now = Clock::time_point(seconds(1800000000));
};

// A key pair per service, and a clock the test moves.
struct Services {
  testing::PemKeyPair stamping = testing::NewP256KeyPair();
  testing::PemKeyPair stranger = testing::NewP256KeyPair();
  testing::PemKeyPair gateway = testing::NewP256KeyPair();
  std::shared_ptr<FixedClock> clock = std::make_shared<FixedClock>();

  std::function<Clock::time_point()> Now() const {
    return [clock = clock] { return clock->now; };
  }
  ServiceTokenSigner Signer(const std::string& service, const testing::PemKeyPair& keys) const {
    return ServiceTokenSigner(service, Es256Key::FromPrivatePem(keys.private_pem), seconds(60), Now());
  }
  // The certificate service, trusting the stamping service's key only.
  ServiceTokenVerifier Certificate() const {
    return ServiceTokenVerifier("certificate", {{"stamping", Es256Key::FromPublicPem(stamping.public_pem)}},
                                Now());
  }
};

std::string RefusalKey(const common::StatusOr<Identity>& result) {
  REQUIRE_FALSE(result.ok());
  REQUIRE(result.status().code() == common::StatusCode::kUnauthenticated);
  return result.status().message().key;
}

}  // namespace

TEST_CASE("a service's token verifies at the service it is for and names the caller", "[service_token]") {
  Services services;
  auto verified =
      services.Certificate().Verify(services.Signer("stamping", services.stamping).Issue("certificate"));
  REQUIRE(verified.ok());
  REQUIRE(verified->kind == Identity::Kind::kService);
  REQUIRE(verified->IsService());
  REQUIRE_FALSE(verified->IsPerson());
  REQUIRE(verified->service == "stamping");
  REQUIRE(verified->Subject() == "service:stamping");
  REQUIRE(verified->roles.empty());
}

TEST_CASE("a token signed with a key the callee does not trust is refused", "[service_token]") {
  Services services;
  std::string token = services.Signer("stamping", services.stranger).Issue("certificate");
  REQUIRE(RefusalKey(services.Certificate().Verify(token)) == "auth.service_token_untrusted_key");
  REQUIRE_FALSE(services.Certificate().NamesTrustedKey(token));
  REQUIRE(services.Certificate().NamesTrustedKey(
      services.Signer("stamping", services.stamping).Issue("certificate")));
}

TEST_CASE("a token for another service is refused", "[service_token]") {
  Services services;
  std::string token = services.Signer("stamping", services.stamping).Issue("notification");
  REQUIRE(RefusalKey(services.Certificate().Verify(token)) == "auth.service_token_wrong_audience");
}

TEST_CASE("an expired token is refused; the signer renews its token after half its life", "[service_token]") {
  Services services;
  auto signer = services.Signer("stamping", services.stamping);
  auto verifier = services.Certificate();
  std::string first = signer.Issue("certificate");
  services.clock->now += seconds(29);
  REQUIRE(signer.Issue("certificate") == first);
  services.clock->now += seconds(2);
  std::string renewed = signer.Issue("certificate");
  REQUIRE(renewed != first);
  REQUIRE(verifier.Verify(first).ok());
  services.clock->now += seconds(30);  // 61 s after `first` was signed
  REQUIRE(RefusalKey(verifier.Verify(first)) == "auth.service_token_expired");
  REQUIRE(verifier.Verify(renewed).ok());
}

TEST_CASE("a token from a caller whose clock runs ahead beyond the skew is refused", "[service_token]") {
  Services services;
  auto ahead = std::make_shared<FixedClock>();
  ahead->now = services.clock->now + seconds(90);
  ServiceTokenSigner signer("stamping", Es256Key::FromPrivatePem(services.stamping.private_pem), seconds(60),
                            [ahead] { return ahead->now; });
  REQUIRE(RefusalKey(services.Certificate().Verify(signer.Issue("certificate"))) ==
          "auth.service_token_not_yet_valid");
}

TEST_CASE("a key speaks only for the service it is trusted as", "[service_token]") {
  Services services;
  ServiceTokenVerifier verifier("certificate",
                                {{"notification", Es256Key::FromPublicPem(services.stamping.public_pem)}},
                                services.Now());
  std::string token = services.Signer("stamping", services.stamping).Issue("certificate");
  REQUIRE(RefusalKey(verifier.Verify(token)) == "auth.service_token_wrong_subject");
}

TEST_CASE("a tampered token or one without ES256 is refused", "[service_token]") {
  Services services;
  std::string token = services.Signer("stamping", services.stamping).Issue("certificate");
  size_t first = token.find('.');
  size_t second = token.find('.', first + 1);
  auto claims = nlohmann::json::parse(*Base64UrlDecode(token.substr(first + 1, second - first - 1)));
  claims["aud"] = "certificate";
  claims["exp"] = claims["exp"].get<long long>() + 3600;
  std::string forged = token.substr(0, first) + "." + Base64UrlEncode(claims.dump()) + token.substr(second);
  REQUIRE(RefusalKey(services.Certificate().Verify(forged)) == "auth.service_token_bad_signature");

  auto header = nlohmann::json::parse(*Base64UrlDecode(token.substr(0, first)));
  header["alg"] = "none";
  std::string unsigned_token = Base64UrlEncode(header.dump()) + token.substr(first, second - first) + ".";
  REQUIRE(RefusalKey(services.Certificate().Verify(unsigned_token)) == "auth.service_token_not_es256");
  header["alg"] = 256;  // not even text
  REQUIRE(RefusalKey(services.Certificate().Verify(Base64UrlEncode(header.dump()) + token.substr(first))) ==
          "auth.service_token_not_es256");
  REQUIRE(RefusalKey(services.Certificate().Verify("not.a.token")) == "auth.service_token_malformed");
}

TEST_CASE("a person's token from the gateway cannot pass as a service", "[service_token]") {
  Services services;
  TokenSigner gateway(Es256Key::FromPrivatePem(services.gateway.private_pem), seconds(60), services.Now());
  Identity holder;
  holder.personal_code = "36805280109";
  holder.roles = {"holder"};
  std::string person = gateway.Issue(holder, "certificate");
  REQUIRE(RefusalKey(services.Certificate().Verify(person)) == "auth.service_token_untrusted_key");
  // Even with the gateway's key wrongly trusted as a service, the person is not that service.
  ServiceTokenVerifier misconfigured(
      "certificate", {{"gateway", Es256Key::FromPublicPem(services.gateway.public_pem)}}, services.Now());
  REQUIRE(RefusalKey(misconfigured.Verify(person)) == "auth.service_token_wrong_subject");
}

TEST_CASE("a service's token cannot pass as a person's at the gateway's verifier", "[service_token]") {
  Services services;
  std::string token = services.Signer("stamping", services.stamping).Issue("certificate");
  TokenVerifier people(Es256Key::FromPublicPem(services.gateway.public_pem), "certificate", services.Now());
  REQUIRE(people.Verify(token).problem == TokenProblem::kUnknownKey);
  // Even verified with the key that signed it, the token is not the gateway's...
  TokenVerifier same_key(Es256Key::FromPublicPem(services.stamping.public_pem), "certificate",
                         services.Now());
  REQUIRE(same_key.Verify(token).problem == TokenProblem::kWrongIssuer);
  // ...and the gateway's claims never make a service.
  REQUIRE_FALSE(Identity::FromClaims({{"sub", "service:stamping"}, {"name", "stamping"}}));
}

TEST_CASE("service names are checked, and a key serves one service only", "[service_token]") {
  Services services;
  REQUIRE(IsValidServiceName("stamping"));
  REQUIRE(IsValidServiceName("request-workflow"));
  for (const char* bad :
       {"", "Stamping", "1stamping", "stamping:x", "stämping", "a-very-long-service-name-over-32-chars"}) {
    INFO(bad);
    REQUIRE_FALSE(IsValidServiceName(bad));
  }
  REQUIRE_THROWS_AS(services.Signer("Stamping", services.stamping), std::invalid_argument);
  REQUIRE_THROWS_AS(
      ServiceTokenSigner("stamping", Es256Key::FromPrivatePem(services.stamping.private_pem), seconds(301)),
      std::invalid_argument);
  REQUIRE_THROWS_AS(ServiceTokenVerifier(
                        "certificate", {{"stamping", Es256Key::FromPublicPem(services.stamping.public_pem)},
                                        {"workflow", Es256Key::FromPublicPem(services.stamping.public_pem)}}),
                    std::invalid_argument);
}

TEST_CASE("every refusal of a service token has an Estonian and an English text", "[service_token]") {
  LoadEmbeddedMessages();
  const auto& catalog = common::MessageCatalog::Global();
  for (const char* key : {"auth.service_token_malformed", "auth.service_token_not_es256",
                          "auth.service_token_untrusted_key", "auth.service_token_bad_signature",
                          "auth.service_token_wrong_subject", "auth.service_token_wrong_audience",
                          "auth.service_token_expired", "auth.service_token_not_yet_valid"}) {
    INFO(key);
    REQUIRE(catalog.Has(key, "et"));
    REQUIRE(catalog.Has(key, "en"));
  }
}
