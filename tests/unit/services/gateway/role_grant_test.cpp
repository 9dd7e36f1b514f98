#include "roles/role_grant.hpp"

#include <catch2/catch.hpp>

using namespace kutse::gateway;

namespace {

std::vector<std::string> Pointers(const nlohmann::json& body) {
  auto parsed = ParseRoleGrant(body);
  std::vector<std::string> pointers;
  for (const auto& error : parsed.status().field_errors()) {
    pointers.push_back(error.pointer);
  }
  return pointers;
}

}  // namespace

TEST_CASE("a clerk or assessor belongs to a body, an admin to none") {
  auto clerk = *(ParseRoleGrant(
      {{"personal_code", "38001085718"}, {"role", "clerk"}, {"body_id", "80012345"}, {"reason", "taotlus"}}));
  REQUIRE(clerk.body_id == "80012345");
  REQUIRE(clerk.reason == "taotlus");
  auto admin = *(ParseRoleGrant({{"personal_code", "47302200234"}, {"role", "admin"}}));
  REQUIRE_FALSE(admin.body_id.has_value());
  REQUIRE(Pointers({{"personal_code", "38001085718"}, {"role", "assessor"}}) ==
          std::vector<std::string>{"/body_id"});
  REQUIRE(Pointers({{"personal_code", "38001085718"}, {"role", "admin"}, {"body_id", "80012345"}}) ==
          std::vector<std::string>{"/body_id"});
}

TEST_CASE("unknown roles, bad codes and unknown fields are refused") {
  REQUIRE(Pointers({{"personal_code", "38001085718"}, {"role", "superuser"}}) ==
          std::vector<std::string>{"/role"});
  REQUIRE(Pointers({{"personal_code", "3800108571"}, {"role", "admin"}}) ==
          std::vector<std::string>{"/personal_code"});
  REQUIRE(Pointers({{"personal_code", "38001085718"}, {"role", "clerk"}, {"body_id", "8001234"}}) ==
          std::vector<std::string>{"/body_id"});
  REQUIRE(Pointers({{"personal_code", "38001085718"}, {"role", "admin"}, {"extra", 1}}) ==
          std::vector<std::string>{"/extra"});
  REQUIRE(
      Pointers({{"personal_code", "38001085718"}, {"role", "admin"}, {"reason", std::string(501, 'x')}}) ==
      std::vector<std::string>{"/reason"});
}

TEST_CASE("null is no body and no reason: it is refused") {
  REQUIRE(Pointers({{"personal_code", "47302200234"}, {"role", "admin"}, {"body_id", nullptr}}) ==
          std::vector<std::string>{"/body_id"});
  REQUIRE(Pointers({{"personal_code", "38001085718"}, {"role", "clerk"}, {"body_id", nullptr}}) ==
          std::vector<std::string>{"/body_id"});
  REQUIRE(Pointers({{"personal_code", "47302200234"}, {"role", "admin"}, {"reason", nullptr}}) ==
          std::vector<std::string>{"/reason"});
}
