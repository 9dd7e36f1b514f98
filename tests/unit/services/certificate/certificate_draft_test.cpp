#include <catch2/catch.hpp>

#include "dto/certificate_draft_parser.hpp"
#include "field_error_pointers.hpp"

using namespace kutse::certificate;
using kutse::certificate::dto::ParseCertificateDraft;

namespace {

nlohmann::json Valid() {
  return {
      {"holder_personal_code", "49102030219"}, {"holder_name", "  Õie Šmidt "}, {"standard_code", "KEEV-4"},
      {"decision_date", "2026-01-10"},         {"decision_number", "12-3/45"},  {"valid_from", "2026-01-15"}};
}

std::vector<std::string> Pointers(const nlohmann::json& body) {
  return testing::ErrorPointers(ParseCertificateDraft(body));
}

}  // namespace

TEST_CASE("a valid draft is accepted with its defaults, names trimmed") {
  auto result = ParseCertificateDraft(Valid());
  REQUIRE(result.ok());
  auto draft = *(result);
  REQUIRE(draft.holder_name == "Õie Šmidt");
  REQUIRE(draft.type == CertificateType::kCertificate);
  REQUIRE(draft.language == "et");
  REQUIRE_FALSE(draft.issue_date.has_value());
  REQUIRE_FALSE(draft.valid_until.has_value());
  REQUIRE(draft.decision_number == "12-3/45");
}

TEST_CASE("the optional fields are read when given") {
  auto body = Valid();
  body["certificate_type"] = "partial_qualification";
  body["partial_qualification"] = "KEEV-4-OK1";
  body["specialisation"] = "MAG";
  body["competences"] = {"K1", "K2"};
  body["issue_date"] = "2026-01-20";
  body["valid_until"] = "2030-01-14";
  body["language"] = "en";
  auto draft = *(ParseCertificateDraft(body));
  REQUIRE(draft.type == CertificateType::kPartialQualification);
  REQUIRE(*draft.partial_qualification_code == "KEEV-4-OK1");
  REQUIRE(*draft.specialisation_code == "MAG");
  REQUIRE(draft.competence_codes == std::vector<std::string>{"K1", "K2"});
  REQUIRE(draft.issue_date->ToString() == "2026-01-20");
  REQUIRE(draft.valid_until->ToString() == "2030-01-14");
  REQUIRE(draft.language == "en");
}

TEST_CASE("every wrong field is reported at once") {
  nlohmann::json body = {{"holder_personal_code", "49102030218"},
                         {"holder_name", ""},
                         {"certificate_type", "diploma"},
                         {"standard_code", "no spaces allowed"},
                         {"valid_from", "2026-02-30"},
                         {"language", "fi"},
                         {"competences", {"K1", "K1"}},
                         {"standard_name", "Keevitaja"},
                         {"level", 4}};
  auto pointers = Pointers(body);
  for (const char* expected :
       {"/holder_personal_code", "/holder_name", "/certificate_type", "/standard_code", "/valid_from",
        "/language", "/competences/1", "/decision_date", "/decision_number", "/standard_name", "/level"}) {
    INFO(expected);
    REQUIRE(std::find(pointers.begin(), pointers.end(), expected) != pointers.end());
  }
}

TEST_CASE("dates must follow each other") {
  auto backwards = Valid();
  backwards["valid_until"] = "2026-01-14";
  REQUIRE(Pointers(backwards) == std::vector<std::string>{"/valid_until"});
  auto issued_before_decision = Valid();
  issued_before_decision["issue_date"] = "2026-01-09";
  REQUIRE(Pointers(issued_before_decision) == std::vector<std::string>{"/issue_date"});
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

TEST_CASE("null is refused for a member the API types without null; valid_until may be null") {
  for (const char* member : {"certificate_type", "specialisation", "partial_qualification", "competences",
                             "issue_date", "language"}) {
    INFO(member);
    auto body = Valid();
    body[member] = nullptr;
    REQUIRE(Pointers(body) == std::vector<std::string>{std::string("/") + member});
  }
  auto open_ended = Valid();
  open_ended["valid_until"] = nullptr;
  REQUIRE(ParseCertificateDraft(open_ended).ok());
}
