#include "identity/dev_identity.hpp"

#include <catch2/catch.hpp>

using kutse::gateway::ParseDevIdentity;

TEST_CASE("the development identity names a valid person, always a holder") {
  auto identity =
      ParseDevIdentity(R"({"personal_code":"38001085718","name":"Kadri Kask","roles":["clerk:80012345"]})");
  REQUIRE(identity);
  REQUIRE(identity->personal_code == "38001085718");
  REQUIRE(identity->HasRole("holder"));
  REQUIRE(identity->IsClerkOf("80012345"));
}

TEST_CASE("a malformed development identity is refused") {
  REQUIRE_FALSE(ParseDevIdentity("not json"));
  REQUIRE_FALSE(ParseDevIdentity(R"({"personal_code":"38001085719"})"));
  REQUIRE_FALSE(ParseDevIdentity(R"({"personal_code":"38001085718","roles":["root"]})"));
  REQUIRE_FALSE(ParseDevIdentity(R"({"personal_code":"38001085718","roles":"admin"})"));
  REQUIRE_FALSE(ParseDevIdentity(std::string(3000, ' ')));
}
