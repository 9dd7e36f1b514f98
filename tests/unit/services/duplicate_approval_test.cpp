#include "domain/duplicate_approval.hpp"

#include <catch2/catch.hpp>

using namespace kutse::certificate;
using kutse::common::Date;

namespace {

const Date kToday{2026, 11, 27};

nlohmann::json Approval(const std::string& reason, nlohmann::json corrected) {
  return {{"request_id", "req-1"},
          {"certificate_number", "K-000007"},
          {"holder_personal_code", "49102030219"},
          {"reason", reason},
          {"corrected_fields", std::move(corrected)},
          {"approved_by", "80012345"}};
}

CertificateRecord Original() {
  CertificateRecord record;
  record.number = "K-000007";
  record.holder_personal_code = "49102030219";
  record.holder_name = "Õie Šmidt";
  record.standard_code = "KEEV-4";
  record.standard_name = "Keevitaja, tase 4";
  record.level = 4;
  record.awarding_body_id = "80012345";
  record.issue_date = "2022-03-01";
  record.valid_from = "2022-03-01";
  record.valid_until = "2027-02-28";
  record.competences = {"Keevitamine"};
  record.published = true;
  return record;
}

std::string Refusal(const nlohmann::json& data) {
  auto parsed = ParseDuplicateApproval(data);
  return std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed) : "";
}

}  // namespace

TEST_CASE("each reason corrects what it may") {
  REQUIRE(Refusal(Approval("lost", nlohmann::json::object())).empty());
  REQUIRE_FALSE(Refusal(Approval("lost", {{"holder_name", "Õie Tamm"}})).empty());
  REQUIRE(Refusal(Approval("new_name", {{"holder_name", "Õie Tamm"}})).empty());
  REQUIRE_FALSE(Refusal(Approval("new_name", {{"holder_name", "Õie Tamm"}, {"language", "en"}})).empty());
  REQUIRE_FALSE(Refusal(Approval("new_name", nlohmann::json::object())).empty());
  REQUIRE(Refusal(Approval("inaccurate_data", {{"competences", {"Keevitamine", "Lõikamine"}}})).empty());
  REQUIRE_FALSE(Refusal(Approval("inaccurate_data", nlohmann::json::object())).empty());
  REQUIRE_FALSE(Refusal(Approval("inaccurate_data", {{"level", 5}})).empty());
  REQUIRE_FALSE(Refusal(Approval("inaccurate_data", {{"language", "fi"}})).empty());
  REQUIRE_FALSE(Refusal(Approval("stolen", nlohmann::json::object())).empty());
  auto bad_holder = Approval("lost", nlohmann::json::object());
  bad_holder["holder_personal_code"] = "49102030218";
  REQUIRE_FALSE(Refusal(bad_holder).empty());
}

TEST_CASE("a duplicate copies the original, applies the corrections and links back") {
  auto approval = std::get<DuplicateApproval>(
      ParseDuplicateApproval(Approval("new_name", {{"holder_name", "Õie Tamm"}})));
  auto made = MakeDuplicate(Original(), approval, kToday);
  REQUIRE(std::holds_alternative<NewCertificate>(made));
  const auto& duplicate = std::get<NewCertificate>(made);
  REQUIRE(duplicate.holder_name == "Õie Tamm");
  REQUIRE(*duplicate.duplicate_of == "K-000007");
  REQUIRE(*duplicate.duplicate_reason == "new_name");
  REQUIRE((*duplicate.corrected_fields)["holder_name"] == "Õie Tamm");
  REQUIRE(*duplicate.duplicate_request_id == "req-1");
  REQUIRE(duplicate.origin == "duplicate");
  REQUIRE_FALSE(duplicate.number.has_value());  // a new number from the series
  REQUIRE(duplicate.issue_date == kToday);
  REQUIRE(duplicate.valid_from.ToString() == "2022-03-01");
  REQUIRE(duplicate.valid_until->ToString() == "2027-02-28");
  REQUIRE(duplicate.standard_code == std::optional<std::string>("KEEV-4"));
  REQUIRE(duplicate.competences == std::vector<std::string>{"Keevitamine"});
  REQUIRE(duplicate.published);
}

TEST_CASE("no duplicate of someone else's, a replaced, an invalidated or an annulled certificate") {
  auto approval =
      std::get<DuplicateApproval>(ParseDuplicateApproval(Approval("lost", nlohmann::json::object())));
  auto other = Original();
  other.holder_personal_code = "36805280109";
  REQUIRE(std::holds_alternative<std::string>(MakeDuplicate(other, approval, kToday)));
  auto replaced = Original();
  replaced.replaced_by = "K-000010";
  REQUIRE(std::holds_alternative<std::string>(MakeDuplicate(replaced, approval, kToday)));
  auto invalidated = Original();
  invalidated.status = CertificateStatus::kInvalidated;
  REQUIRE(std::holds_alternative<std::string>(MakeDuplicate(invalidated, approval, kToday)));
  auto annulled = Original();
  annulled.status = CertificateStatus::kAnnulled;
  REQUIRE(std::holds_alternative<std::string>(MakeDuplicate(annulled, approval, kToday)));
  auto other_body =
      std::get<DuplicateApproval>(ParseDuplicateApproval(Approval("lost", nlohmann::json::object())));
  other_body.approved_by = "80054321";
  REQUIRE(std::holds_alternative<std::string>(MakeDuplicate(Original(), other_body, kToday)));
  other_body.approved_by = "register";
  REQUIRE(std::holds_alternative<NewCertificate>(MakeDuplicate(Original(), other_body, kToday)));
  auto expired = Original();
  expired.status = CertificateStatus::kExpired;
  REQUIRE(std::get<NewCertificate>(MakeDuplicate(expired, approval, kToday)).status ==
          CertificateStatus::kExpired);
}
