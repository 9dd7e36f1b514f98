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
