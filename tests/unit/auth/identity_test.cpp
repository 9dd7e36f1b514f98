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

TEST_CASE("an API client carries its body and scopes through the claims") {
  Identity client;
  client.kind = Identity::Kind::kApiClient;
  client.client_id = "80012345-3fa9c2d1";
  client.roles = {"apiclient:80012345"};
  client.scopes = {"public:read", "rounds:read"};
  auto back = Identity::FromClaims(client.ToClaims());
  REQUIRE(back);
  REQUIRE(back->IsApiClientOf("80012345"));
  REQUIRE(back->HasScope("rounds:read"));
  REQUIRE_FALSE(back->HasScope("applications:submit"));
  REQUIRE_FALSE(back->IsClerkOf("80012345"));
  auto claims = client.ToClaims();
  claims["scopes"] = {"everything"};
  REQUIRE_FALSE(Identity::FromClaims(claims));
}
