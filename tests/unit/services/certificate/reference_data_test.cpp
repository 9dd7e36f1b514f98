#include <catch2/catch.hpp>

#include "domain/awarding_body.hpp"
#include "domain/occupational_standard.hpp"
#include "dto/awarding_body_json.hpp"
#include "dto/standard_json.hpp"
#include "field_error_pointers.hpp"

using namespace kutse::certificate;
using namespace kutse::certificate::dto;
using kutse::certificate::testing::ErrorPointers;
using kutse::common::Date;

TEST_CASE("a standard is read with its parts and written back the same") {
  nlohmann::json body = {
      {"name_et", "Keevitaja, tase 4"},
      {"name_en", "Welder, level 4"},
      {"estqf_level", 4},
      {"eqf_level", 4},
      {"validity_years", 5},
      {"specialisations", {{{"code", "MAG"}, {"name_et", "MAG-keevitus"}}}},
      {"competences", {{{"code", "K1"}, {"name_et", "Keevitamine"}, {"name_en", "Welding"}}}}};
  auto standard = *(ParseOccupationalStandard("KEEV-4", body));
  auto json = StandardJson(standard);
  REQUIRE(json["code"] == "KEEV-4");
  REQUIRE(json["validity_years"] == 5);
  REQUIRE(json["specialisations"][0]["name_en"].is_null());
  REQUIRE(PartsFromJson(json["competences"])[0].name_en == std::optional<std::string>("Welding"));
  REQUIRE(json["partial_qualifications"].empty());
}

TEST_CASE("a wrong standard is refused field by field") {
  nlohmann::json body = {
      {"estqf_level", 9},
      {"eqf_level", "4"},
      {"validity_years", 0},
      {"competences", {{{"code", "K1"}, {"name_et", "A"}}, {{"code", "K1"}, {"name_et", "B"}}}},
      {"colour", "blue"}};
  auto pointers = ErrorPointers(ParseOccupationalStandard("X", body));
  for (const char* expected :
       {"/name_et", "/estqf_level", "/eqf_level", "/validity_years", "/competences/1/code", "/colour"}) {
    INFO(expected);
    REQUIRE(std::find(pointers.begin(), pointers.end(), expected) != pointers.end());
  }
  REQUIRE(IsStandardCode("07-11122011-1.1/5k"));
  REQUIRE_FALSE(IsStandardCode("-KEEV"));
  REQUIRE_FALSE(IsStandardCode("KEEV 4"));
}

TEST_CASE("a body's rights cover their own standard and period, and nothing when inactive") {
  nlohmann::json body = {
      {"name", "Eesti Keevitusühing"},
      {"email", "info@keevitus.ee"},
      {"rights",
       {{{"standard_code", "KEEV-4"}, {"valid_from", "2020-01-01"}, {"valid_until", "2026-12-31"}},
        {{"standard_code", "KEEV-3"}, {"valid_from", "2027-01-01"}}}}};
  auto parsed = *(ParseAwardingBody("80012345", body));
  REQUIRE(parsed.MayAward("KEEV-4", Date{2020, 1, 1}));
  REQUIRE(parsed.MayAward("KEEV-4", Date{2026, 12, 31}));
  REQUIRE_FALSE(parsed.MayAward("KEEV-4", Date{2027, 1, 1}));
  REQUIRE_FALSE(parsed.MayAward("KEEV-3", Date{2026, 12, 31}));
  REQUIRE(parsed.MayAward("KEEV-3", Date{2035, 1, 1}));
  REQUIRE_FALSE(parsed.MayAward("KEEV-5", Date{2025, 1, 1}));
  parsed.active = false;
  REQUIRE_FALSE(parsed.MayAward("KEEV-4", Date{2025, 1, 1}));
}

TEST_CASE("a wrong body is refused field by field") {
  nlohmann::json body = {
      {"email", "not an address"},
      {"rights",
       {{{"standard_code", "KEEV-4"}, {"valid_from", "2020-01-01"}},
        {{"standard_code", "KEEV-4"}, {"valid_from", "2020-01-01"}},
        {{"valid_from", "2020-02-30"}},
        {{"standard_code", "KEEV-5"}, {"valid_from", "2020-01-01"}, {"valid_until", "2019-12-31"}}}}};
  auto pointers = ErrorPointers(ParseAwardingBody("80012345", body));
  for (const char* expected : {"/name", "/email", "/rights/1", "/rights/2/standard_code",
                               "/rights/2/valid_from", "/rights/3/valid_until"}) {
    INFO(expected);
    REQUIRE(std::find(pointers.begin(), pointers.end(), expected) != pointers.end());
  }
}

TEST_CASE("a body's rights are required, and null only where the API allows it") {
  REQUIRE(ErrorPointers(ParseAwardingBody("80012345", {{"name", "Proov"}})) ==
          std::vector<std::string>{"/rights"});
  nlohmann::json body = {
      {"name", "Proov"},
      {"email", nullptr},
      {"phone", nullptr},
      {"address", nullptr},
      {"website", nullptr},
      {"rights", {{{"standard_code", "KEEV-4"}, {"valid_from", "2020-01-01"}, {"valid_until", nullptr}}}}};
  REQUIRE(ParseAwardingBody("80012345", body).ok());
  body["active"] = nullptr;
  body["rights"] = nullptr;
  REQUIRE(ErrorPointers(ParseAwardingBody("80012345", body)) ==
          std::vector<std::string>{"/active", "/rights"});
}

TEST_CASE("a standard's English names and validity may be null, its lists and active not") {
  nlohmann::json body = {
      {"name_et", "Keevitaja"},
      {"name_en", nullptr},
      {"estqf_level", 4},
      {"eqf_level", 4},
      {"validity_years", nullptr},
      {"competences", {{{"code", "K1"}, {"name_et", "Keevitamine"}, {"name_en", nullptr}}}}};
  REQUIRE(ParseOccupationalStandard("KEEV-4", body).ok());
  body["specialisations"] = nullptr;
  body["active"] = nullptr;
  REQUIRE(ErrorPointers(ParseOccupationalStandard("KEEV-4", body)) ==
          std::vector<std::string>{"/specialisations", "/active"});
}
