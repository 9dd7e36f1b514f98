// The facts another service is told about one certificate (ADR 0008): taken from the certificate as
// the register holds it, with the body's right judged today by the same rule issuing applies.
#include "domain/certificate_facts.hpp"

#include <catch2/catch.hpp>

#include "dto/certificate_facts_view.hpp"
#include "register_examples.hpp"

using namespace kutse::certificate;
using kutse::common::Date;

namespace {

using testing::Welder;

// Body X may award welders from 2020 to the end of 2026.
AwardingBody BodyX() {
  return testing::WelderBody();
}

// Expired, and replaced by a duplicate.
Certificate Issued() {
  Certificate certificate = testing::WeldersCertificate();
  certificate.number = "K-000042";
  certificate.status = CertificateStatus::kExpired;
  certificate.replaced_by = "K-000043";
  return certificate;
}

const Date kToday{2026, 11, 27};

}  // namespace

TEST_CASE("the facts carry the certificate as it is, and the body's right today") {
  auto standard = Welder();
  auto body = BodyX();
  CertificateFacts facts = FactsOf(Issued(), &standard, &body, kToday);
  CHECK(facts.number == "K-000042");
  CHECK(facts.holder_personal_code == "49102030219");
  CHECK(facts.holder_name == "Õie Šmidt");
  CHECK(facts.status == CertificateStatus::kExpired);
  CHECK(facts.replaced_by == std::optional<std::string>("K-000043"));
  CHECK(facts.awarding_body_id == "80012345");
  CHECK(facts.body_active);
  CHECK(facts.body_holds_right_today);
  CHECK(facts.standard_code == std::optional<std::string>("KEEV-4"));
  CHECK(facts.qualification_name_et == "Keevitaja, tase 4");
  CHECK(facts.qualification_name_en == std::optional<std::string>("Welder, level 4"));
  CHECK(facts.level == 4);
}

TEST_CASE("a right is held today only while it covers today, and never by an inactive body") {
  auto standard = Welder();
  auto body = BodyX();
  CHECK(FactsOf(Issued(), &standard, &body, Date{2026, 12, 31}).body_holds_right_today);
  CHECK_FALSE(FactsOf(Issued(), &standard, &body, Date{2027, 1, 1}).body_holds_right_today);
  CHECK_FALSE(FactsOf(Issued(), &standard, &body, Date{2019, 12, 31}).body_holds_right_today);

  body.active = false;
  CertificateFacts inactive = FactsOf(Issued(), &standard, &body, kToday);
  CHECK_FALSE(inactive.body_active);
  CHECK_FALSE(inactive.body_holds_right_today);

  auto other = BodyX();
  other.rights = {{"KOKK-4", Date{2020, 1, 1}, std::nullopt, "", 0}};
  CertificateFacts another_standard = FactsOf(Issued(), &standard, &other, kToday);
  CHECK(another_standard.body_active);
  CHECK_FALSE(another_standard.body_holds_right_today);
}

TEST_CASE("an entry of the old register without a known standard or body has facts too") {
  Certificate historic = Issued();
  historic.number = "KT-1998/042";
  historic.standard_code = std::nullopt;
  historic.standard_name = "Müürsepp III kvalifikatsioonitase";
  historic.awarding_body_id = "80088888";
  historic.replaced_by = std::nullopt;
  CertificateFacts facts = FactsOf(historic, nullptr, nullptr, kToday);
  CHECK(facts.number == "KT-1998/042");
  CHECK_FALSE(facts.standard_code);
  CHECK(facts.qualification_name_et == "Müürsepp III kvalifikatsioonitase");
  CHECK_FALSE(facts.qualification_name_en);
  CHECK(facts.awarding_body_id == "80088888");
  CHECK_FALSE(facts.body_active);
  CHECK_FALSE(facts.body_holds_right_today);

  // A known body cannot hold a right to a standard the entry does not name.
  auto body = BodyX();
  CHECK_FALSE(FactsOf(historic, nullptr, &body, kToday).body_holds_right_today);
}

TEST_CASE("the facts view writes every member, unknown ones as null") {
  Certificate historic = Issued();
  historic.standard_code = std::nullopt;
  historic.replaced_by = std::nullopt;
  nlohmann::json view = dto::FactsView(FactsOf(historic, nullptr, nullptr, kToday));
  CHECK(view == nlohmann::json{{"number", "K-000042"},
                               {"holder_personal_code", "49102030219"},
                               {"holder_name", "Õie Šmidt"},
                               {"status", "expired"},
                               {"replaced_by", nullptr},
                               {"awarding_body_id", "80012345"},
                               {"body_active", false},
                               {"body_holds_right_today", false},
                               {"standard_code", nullptr},
                               {"qualification_name_et", "Keevitaja, tase 4"},
                               {"qualification_name_en", nullptr},
                               {"level", 4},
                               {"type", "certificate"},
                               {"eqf_level", nullptr},
                               {"specialisation", nullptr},
                               {"partial_qualification", nullptr},
                               {"competences", {"Keevitamine"}},
                               {"awarding_body_name", nullptr},
                               {"decision_date", nullptr},
                               {"decision_number", nullptr},
                               {"issue_date", "2022-03-01"},
                               {"valid_from", "2022-03-01"},
                               {"valid_until", "2027-02-28"},
                               {"duplicate_of", nullptr}});
}

TEST_CASE("the facts carry what a stamped copy prints, the body's name among them") {
  auto standard = Welder();
  auto body = BodyX();
  Certificate duplicate = Issued();
  duplicate.type = CertificateType::kPartialQualification;
  duplicate.eqf_level = 4;
  duplicate.specialisation = "MAG-keevitus";
  duplicate.partial_qualification = "Plaatide keevitamine";
  duplicate.competences = {"Keevitamine", "Lõikamine"};
  duplicate.decision_date = Date{2022, 2, 20};
  duplicate.decision_number = "12-3/2022";
  duplicate.valid_until = std::nullopt;
  duplicate.duplicate_of = "K-000041";
  CertificateFacts facts = FactsOf(duplicate, &standard, &body, kToday);
  CHECK(facts.type == CertificateType::kPartialQualification);
  CHECK(facts.eqf_level == std::optional<int>(4));
  CHECK(facts.specialisation == std::optional<std::string>("MAG-keevitus"));
  CHECK(facts.partial_qualification == std::optional<std::string>("Plaatide keevitamine"));
  CHECK(facts.competences == std::vector<std::string>{"Keevitamine", "Lõikamine"});
  CHECK(facts.awarding_body_name == std::optional<std::string>("Eesti Keevitusühing"));
  CHECK(facts.decision_date == std::optional<Date>(Date{2022, 2, 20}));
  CHECK(facts.decision_number == std::optional<std::string>("12-3/2022"));
  CHECK(facts.issue_date == Date{2022, 3, 1});
  CHECK(facts.valid_from == Date{2022, 3, 1});
  CHECK_FALSE(facts.valid_until);
  CHECK(facts.duplicate_of == std::optional<std::string>("K-000041"));
  nlohmann::json view = dto::FactsView(facts);
  CHECK(view["type"] == "partial_qualification");
  CHECK(view["decision_date"] == "2022-02-20");
  CHECK(view["valid_until"].is_null());
  CHECK(view["awarding_body_name"] == "Eesti Keevitusühing");
}
