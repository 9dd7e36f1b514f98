#include "stamping_settings.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "stamping_fixtures.hpp"

using kutse::common::Config;
using kutse::stamping::StampingSettings;

namespace {

// The required settings, then `values`.
Config With(std::map<std::string, std::string> values) {
  values.emplace("KUTSE_UPSTREAM_CERTIFICATE", "http://certificate:8080");
  values.emplace("KUTSE_PUBLIC_URL", "https://kutse.example/");
  return Config([values](const std::string& name) -> std::optional<std::string> {
    auto found = values.find(name);
    if (found == values.end())
      return std::nullopt;
    return found->second;
  });
}

}  // namespace

TEST_CASE("without a seal key the service seals nothing, and the fonts default to Debian's folder") {
  const StampingSettings settings = StampingSettings::Read(With({}));
  CHECK_FALSE(settings.seal);
  CHECK(settings.font_dir == "/usr/share/fonts/truetype/dejavu");
}

TEST_CASE("the seal files are read, the password without its newline") {
  stamping_test::TempDir dir;
  const StampingSettings settings =
      StampingSettings::Read(With({{"KUTSE_SEAL_KEY_FILE", dir.Write("key.pem", "KEY")},
                                   {"KUTSE_SEAL_CERTIFICATE_FILE", dir.Write("cert.pem", "CERTS")},
                                   {"KUTSE_SEAL_PASSWORD_FILE", dir.Write("password", "secret\n")}}));
  REQUIRE(settings.seal);
  CHECK(settings.seal->key == "KEY");
  CHECK(settings.seal->certificates == "CERTS");
  CHECK(settings.seal->password == "secret");
}

TEST_CASE("a certificate without a key seals nothing, and a key file that is missing is refused") {
  CHECK_FALSE(StampingSettings::Read(With({{"KUTSE_SEAL_CERTIFICATE_FILE", "/tmp/x"}})).seal);
  CHECK_THROWS_AS(StampingSettings::Read(With({{"KUTSE_SEAL_KEY_FILE", "/nonexistent/key.pem"}})),
                  kutse::common::ConfigError);
}

TEST_CASE("the certificate service, the public address and the token key are read when given") {
  const StampingSettings settings = StampingSettings::Read(With({}));
  CHECK(settings.upstream_certificate == "http://certificate:8080");
  CHECK(settings.public_url == "https://kutse.example");  // no trailing slash: the QR link adds one
  CHECK(settings.service_token_private_key_pem.empty());
  stamping_test::TempDir dir;
  CHECK(StampingSettings::Read(With({{"KUTSE_SERVICE_TOKEN_PRIVATE_KEY_FILE", dir.Write("k.pem", "PEM")}}))
            .service_token_private_key_pem == "PEM");
  // Unset, the service starts and its stamp route says what is missing.
  const StampingSettings bare =
      StampingSettings::Read(Config([](const std::string&) { return std::optional<std::string>(); }));
  CHECK(bare.upstream_certificate.empty());
  CHECK(bare.public_url.empty());
}

TEST_CASE("the trust anchors of verification are read from their file when given") {
  CHECK(StampingSettings::Read(With({})).trust_anchor_pem.empty());
  stamping_test::TempDir dir;
  CHECK(StampingSettings::Read(With({{"KUTSE_STAMPING_TRUST_ANCHOR_FILE", dir.Write("ca.pem", "CA PEM")}}))
            .trust_anchor_pem == "CA PEM");
  CHECK_THROWS_AS(StampingSettings::Read(With({{"KUTSE_STAMPING_TRUST_ANCHOR_FILE", "/nonexistent/ca.pem"}})),
                  kutse::common::ConfigError);
}

TEST_CASE("without trust-service URLs seals are baseline B-B, with both they are LT") {
  CHECK_FALSE(StampingSettings::Read(With({})).trust_services);
  const StampingSettings settings =
      StampingSettings::Read(With({{"KUTSE_STAMPING_TSA_URL", "http://tsa.example/tsa"},
                                   {"KUTSE_STAMPING_OCSP_URL", "http://ocsp.example"}}));
  REQUIRE(settings.trust_services);
  CHECK(settings.trust_services->tsa_url == "http://tsa.example/tsa");
  CHECK(settings.trust_services->ocsp_url == "http://ocsp.example");
  CHECK(settings.trust_services->tsa_trust_pem.empty());
  CHECK(settings.trust_services->tsa_policy.empty());
  CHECK(settings.trust_services->timeout == std::chrono::milliseconds(2500));
}

TEST_CASE("one trust-service URL without the other stops the service, naming the one missing") {
  try {
    StampingSettings::Read(With({{"KUTSE_STAMPING_TSA_URL", "http://tsa.example"}}));
    FAIL("a TSA without an OCSP responder was taken");
  } catch (const kutse::common::ConfigError& error) {
    CHECK_THAT(error.what(), Catch::StartsWith("setting KUTSE_STAMPING_OCSP_URL is missing"));
  }
  try {
    StampingSettings::Read(With({{"KUTSE_STAMPING_OCSP_URL", "http://ocsp.example"}}));
    FAIL("an OCSP responder without a TSA was taken");
  } catch (const kutse::common::ConfigError& error) {
    CHECK_THAT(error.what(), Catch::StartsWith("setting KUTSE_STAMPING_TSA_URL is missing"));
  }
}

TEST_CASE("the TSA's trust file, policy and the timeout are read and checked") {
  stamping_test::TempDir dir;
  const std::map<std::string, std::string> urls = {{"KUTSE_STAMPING_TSA_URL", "http://tsa.example"},
                                                   {"KUTSE_STAMPING_OCSP_URL", "http://ocsp.example"}};
  auto with = [&](std::map<std::string, std::string> more) {
    more.insert(urls.begin(), urls.end());
    return With(more);
  };
  const StampingSettings settings =
      StampingSettings::Read(with({{"KUTSE_STAMPING_TSA_TRUST_FILE", dir.Write("tsa-ca.pem", "TSA CA PEM")},
                                   {"KUTSE_STAMPING_TSA_POLICY", "1.3.6.1.4.1.10015.7.1"},
                                   {"KUTSE_STAMPING_TRUST_SERVICE_TIMEOUT_MS", "4000"}}));
  REQUIRE(settings.trust_services);
  CHECK(settings.trust_services->tsa_trust_pem == "TSA CA PEM");
  CHECK(settings.trust_services->tsa_policy == "1.3.6.1.4.1.10015.7.1");
  CHECK(settings.trust_services->timeout == std::chrono::milliseconds(4000));
  for (const char* policy : {"sha256", "1", "3.1", "1..2", "1.2.", ".1.2", "1.2a"}) {
    INFO(policy);
    CHECK_THROWS_WITH(StampingSettings::Read(with({{"KUTSE_STAMPING_TSA_POLICY", policy}})),
                      Catch::Contains("KUTSE_STAMPING_TSA_POLICY"));
  }
  CHECK_THROWS_WITH(StampingSettings::Read(with({{"KUTSE_STAMPING_TRUST_SERVICE_TIMEOUT_MS", "99"}})),
                    Catch::Contains("KUTSE_STAMPING_TRUST_SERVICE_TIMEOUT_MS"));
  CHECK_THROWS_WITH(StampingSettings::Read(with({{"KUTSE_STAMPING_TSA_TRUST_FILE", "/nonexistent/tsa.pem"}})),
                    Catch::Contains("KUTSE_STAMPING_TSA_TRUST_FILE"));
}
