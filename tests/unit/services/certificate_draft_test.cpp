#include "domain/certificate_draft.hpp"

#include <catch2/catch.hpp>

#include "domain/certificate_number.hpp"

using namespace kutse::certificate;

namespace {

nlohmann::json Valid() {
  return {{"holder_personal_code", "49102030219"},
          {"holder_name", "  Õie Šmidt "},
          {"standard_name", "Keevitaja"},
          {"level", 4},
          {"valid_from", "2026-01-01"},
          {"valid_until", "2031-01-01"}};
}

std::vector<std::string> Pointers(const nlohmann::json& body) {
  auto result = ParseCertificateDraft(body);
  std::vector<std::string> pointers;
  if (auto* errors = std::get_if<std::vector<kutse::http::FieldError>>(&result)) {
    for (const auto& error : *errors) {
      pointers.push_back(error.pointer);
    }
  }
  return pointers;
}

}  // namespace

TEST_CASE("a valid draft is accepted, names trimmed") {
  auto result = ParseCertificateDraft(Valid());
  REQUIRE(std::holds_alternative<CertificateDraft>(result));
  auto draft = std::get<CertificateDraft>(result);
  REQUIRE(draft.holder_name == "Õie Šmidt");
  REQUIRE(draft.valid_until->ToString() == "2031-01-01");
  auto open_ended = Valid();
  open_ended["valid_until"] = nullptr;
  REQUIRE_FALSE(std::get<CertificateDraft>(ParseCertificateDraft(open_ended)).valid_until.has_value());
}

TEST_CASE("every wrong field is reported at once") {
  nlohmann::json body = {{"holder_personal_code", "49102030218"},
                         {"holder_name", ""},
                         {"level", 9},
                         {"valid_from", "2026-02-30"},
                         {"colour", "blue"}};
  auto pointers = Pointers(body);
  for (const char* expected :
       {"/holder_personal_code", "/holder_name", "/standard_name", "/level", "/valid_from", "/colour"}) {
    INFO(expected);
    REQUIRE(std::find(pointers.begin(), pointers.end(), expected) != pointers.end());
  }
}

TEST_CASE("validity must not end before it starts; levels are whole numbers") {
  auto backwards = Valid();
  backwards["valid_until"] = "2025-12-31";
  REQUIRE(Pointers(backwards) == std::vector<std::string>{"/valid_until"});
  auto fractional = Valid();
  fractional["level"] = 4.5;
  REQUIRE(Pointers(fractional) == std::vector<std::string>{"/level"});
  auto as_text = Valid();
  as_text["level"] = "4";
  REQUIRE(Pointers(as_text) == std::vector<std::string>{"/level"});
}

TEST_CASE("names are limited in characters, not bytes") {
  auto body = Valid();
  std::string name;
  for (int i = 0; i < 200; ++i) {
    name += "õ";  // two bytes each
  }
  body["holder_name"] = name;
  REQUIRE(Pointers(body).empty());
  body["holder_name"] = name + "a";
  REQUIRE(Pointers(body) == std::vector<std::string>{"/holder_name"});
}

TEST_CASE("certificate numbers are padded to six digits") {
  REQUIRE(FormatCertificateNumber(1) == "K-000001");
  REQUIRE(FormatCertificateNumber(1234567) == "K-1234567");
}
