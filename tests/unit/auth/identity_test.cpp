#include "kutse/auth/identity.hpp"

#include <catch2/catch.hpp>

using kutse::auth::Identity;

TEST_CASE("claims of a person round-trip") {
  Identity person;
  person.personal_code = "60001019906";
  person.name = "Mari Maasikas";
  person.roles = {"holder", "clerk:80012345"};
  auto back = Identity::FromClaims(person.ToClaims());
  REQUIRE(back);
  REQUIRE(back->IsPerson());
  REQUIRE(back->personal_code == "60001019906");
  REQUIRE(back->IsClerkOf("80012345"));
  REQUIRE_FALSE(back->IsClerkOf("80012346"));
  REQUIRE_FALSE(back->IsAdmin());
}

TEST_CASE("claims with an invalid subject or role are refused") {
  REQUIRE_FALSE(Identity::FromClaims({{"sub", "EE60001019907"}}));
  REQUIRE_FALSE(Identity::FromClaims({{"sub", "60001019906"}}));
  REQUIRE_FALSE(Identity::FromClaims({{"sub", "EE60001019906"}, {"roles", {"superuser"}}}));
  REQUIRE_FALSE(Identity::FromClaims({{"sub", "EE60001019906"}, {"roles", {"clerk:123"}}}));
  REQUIRE_FALSE(Identity::FromClaims({{"sub", "EE60001019906"}, {"roles", "admin"}}));
  REQUIRE(Identity::FromClaims({{"sub", "client:home-page-1"}})->kind == Identity::Kind::kApiClient);
}
