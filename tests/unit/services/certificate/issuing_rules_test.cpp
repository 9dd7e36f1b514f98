#include "domain/issuing_rules.hpp"

#include <catch2/catch.hpp>

#include "field_error_pointers.hpp"
#include "register_examples.hpp"

using namespace kutse::certificate;
using kutse::certificate::testing::ErrorPointers;
using kutse::certificate::testing::Welder;
using kutse::common::Date;

namespace {

CertificateDraft Draft() {
  CertificateDraft draft;
  draft.holder_personal_code = "49102030219";
  draft.holder_name = "Õie Šmidt";
  draft.standard_code = "KEEV-4";
  draft.decision_date = Date{2026, 1, 10};
  draft.decision_number = "1/26";
  draft.valid_from = Date{2026, 1, 15};
  return draft;
}

const Date kToday{2026, 11, 27};

}  // namespace

TEST_CASE("a certificate takes its names, levels and validity from the standard") {
  auto standard = Welder();
  auto body = testing::WelderBody();
  auto draft = Draft();
  draft.specialisation_code = "MAG";
  draft.competence_codes = {"K2"};
  auto result = ApplyIssuingRules(draft, &standard, &body, kToday);
  REQUIRE(result.ok());
  const auto& made = *(result);
  REQUIRE(made.standard_name == "Keevitaja, tase 4");
  REQUIRE(made.level == 4);
  REQUIRE(*made.eqf_level == 4);
  REQUIRE(*made.specialisation == "MAG-keevitus");
  REQUIRE(made.competences == std::vector<std::string>{"Lõikamine"});
  REQUIRE(made.issue_date == kToday);
  REQUIRE(made.valid_until->ToString() == "2031-01-14");
  REQUIRE(made.awarding_body_id == "80012345");
}

TEST_CASE("an open-ended standard gives an open-ended certificate unless an end is set") {
  auto standard = Welder();
  standard.validity_years.reset();
  auto body = testing::WelderBody();
  auto draft = Draft();
  REQUIRE_FALSE(ApplyIssuingRules(draft, &standard, &body, kToday)->valid_until);
  draft.valid_until = Date{2040, 1, 1};
  REQUIRE(ApplyIssuingRules(draft, &standard, &body, kToday)->valid_until->year == 2040);
}

TEST_CASE("validity may be shorter than the standard's, never longer") {
  auto standard = Welder();
  auto body = testing::WelderBody();
  auto draft = Draft();
  draft.valid_until = Date{2028, 1, 14};
  REQUIRE(ErrorPointers(ApplyIssuingRules(draft, &standard, &body, kToday)).empty());
  draft.valid_until = Date{2031, 1, 15};
  REQUIRE(ErrorPointers(ApplyIssuingRules(draft, &standard, &body, kToday)) ==
          std::vector<std::string>{"/valid_until"});
}

TEST_CASE("a body issues only what its rights cover on the issue date") {
  auto standard = Welder();
  auto body = testing::WelderBody();
  auto draft = Draft();
  SECTION("unknown standard") {
    REQUIRE(ErrorPointers(ApplyIssuingRules(draft, nullptr, &body, kToday)) ==
            std::vector<std::string>{"/standard_code"});
  }
  SECTION("standard no longer in use") {
    standard.active = false;
    REQUIRE(ErrorPointers(ApplyIssuingRules(draft, &standard, &body, kToday)) ==
            std::vector<std::string>{"/standard_code"});
  }
  SECTION("unknown body") {
    REQUIRE(ErrorPointers(ApplyIssuingRules(draft, &standard, nullptr, kToday)) ==
            std::vector<std::string>{"/standard_code"});
  }
  SECTION("inactive body") {
    body.active = false;
    REQUIRE(ErrorPointers(ApplyIssuingRules(draft, &standard, &body, kToday)) ==
            std::vector<std::string>{"/standard_code"});
  }
  SECTION("right ended before the issue date") {
    body.rights[0].valid_until = Date{2026, 11, 26};
    REQUIRE(ErrorPointers(ApplyIssuingRules(draft, &standard, &body, kToday)) ==
            std::vector<std::string>{"/standard_code"});
    draft.issue_date = Date{2026, 11, 26};  // issued on the last day of the right
    REQUIRE(ErrorPointers(ApplyIssuingRules(draft, &standard, &body, kToday)).empty());
  }
  SECTION("right for another standard") {
    body.rights[0].standard_code = "KEEV-3";
    REQUIRE(ErrorPointers(ApplyIssuingRules(draft, &standard, &body, kToday)) ==
            std::vector<std::string>{"/standard_code"});
  }
}

TEST_CASE("parts must be the standard's own, and partial qualifications only on their certificate") {
  auto standard = Welder();
  auto body = testing::WelderBody();
  auto draft = Draft();
  draft.specialisation_code = "TIG";
  draft.competence_codes = {"K1", "K9"};
  draft.partial_qualification_code = "OK1";
  REQUIRE(ErrorPointers(ApplyIssuingRules(draft, &standard, &body, kToday)) ==
          std::vector<std::string>{"/specialisation", "/partial_qualification", "/competences/1"});
  auto partial = Draft();
  partial.type = CertificateType::kPartialQualification;
  REQUIRE(ErrorPointers(ApplyIssuingRules(partial, &standard, &body, kToday)) ==
          std::vector<std::string>{"/partial_qualification"});
  partial.partial_qualification_code = "OK1";
  auto made = *(ApplyIssuingRules(partial, &standard, &body, kToday));
  REQUIRE(*made.partial_qualification == "Plekkide keevitamine");
  REQUIRE(made.type == CertificateType::kPartialQualification);
}

TEST_CASE("neither the decision nor the issue may lie in the future") {
  auto standard = Welder();
  auto body = testing::WelderBody();
  auto draft = Draft();
  draft.issue_date = Date{2026, 11, 28};
  draft.decision_date = Date{2026, 11, 28};
  auto pointers = ErrorPointers(ApplyIssuingRules(draft, &standard, &body, kToday));
  REQUIRE(std::find(pointers.begin(), pointers.end(), "/issue_date") != pointers.end());
  REQUIRE(std::find(pointers.begin(), pointers.end(), "/decision_date") != pointers.end());
}
