#include "kutse/common/config.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>

using kutse::common::Config;
using kutse::common::ConfigError;

namespace {

Config From(std::map<std::string, std::string> values) {
  return Config([values](const std::string& name) -> std::optional<std::string> {
    auto found = values.find(name);
    if (found == values.end()) {
      return std::nullopt;
    }
    return found->second;
  });
}

}  // namespace

TEST_CASE("a missing required setting names the variable") {
  REQUIRE_THROWS_WITH(From({}).Required("KUTSE_DB_DSN"), "missing required setting KUTSE_DB_DSN");
  REQUIRE_THROWS_AS(From({{"KUTSE_DB_DSN", ""}}).Required("KUTSE_DB_DSN"), ConfigError);
}

TEST_CASE("ports and integers are range-checked") {
  REQUIRE(From({{"P", "8080"}}).Port("P") == 8080);
  REQUIRE_THROWS_AS(From({{"P", "0"}}).Port("P"), ConfigError);
  REQUIRE_THROWS_AS(From({{"P", "70000"}}).Port("P"), ConfigError);
  REQUIRE_THROWS_AS(From({{"P", "80a"}}).Port("P"), ConfigError);
  REQUIRE_THROWS_AS(From({}).Port("P"), ConfigError);
  REQUIRE(From({}).Port("P", 9000) == 9000);
  REQUIRE(From({}).Integer("N", 7, 1, 10) == 7);
}

TEST_CASE("flags accept only clear words") {
  REQUIRE(From({{"F", "enabled"}}).Flag("F"));
  REQUIRE_FALSE(From({}).Flag("F"));
  REQUIRE_FALSE(From({{"F", "disabled"}}).Flag("F"));
  REQUIRE_THROWS_AS(From({{"F", "yes please"}}).Flag("F"), ConfigError);
}

TEST_CASE("a file setting reads the file and reports an unreadable one") {
  std::string path = "/tmp/kutse_config_test_secret.txt";
  std::ofstream(path) << "secret-value";
  REQUIRE(From({{"S", path}}).FileContents("S") == "secret-value");
  REQUIRE_THROWS_AS(From({{"S", "/nonexistent/file"}}).FileContents("S"), ConfigError);
}
