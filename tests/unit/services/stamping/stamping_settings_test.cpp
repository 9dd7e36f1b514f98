#include "stamping_settings.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "stamping_fixtures.hpp"

using kutse::common::Config;
using kutse::stamping::StampingSettings;

namespace {

Config With(std::map<std::string, std::string> values) {
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
