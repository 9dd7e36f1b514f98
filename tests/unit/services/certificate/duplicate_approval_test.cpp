#include "domain/duplicate_approval.hpp"

#include <catch2/catch.hpp>

#include "events/duplicate_approved_event.hpp"
#include "register_examples.hpp"

using namespace kutse::certificate;
using kutse::common::Date;
using kutse::common::StatusCode;

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

// Empty when the approval is accepted; the refusal's message key otherwise.
std::string Refusal(const nlohmann::json& data) {
  auto parsed = ParseDuplicateApproval(data);
  return parsed.ok() ? "" : parsed.status().message().key;
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

TEST_CASE("a malformed approval is an invalid argument, which is never retried") {
  auto parsed = ParseDuplicateApproval(Approval("stolen", nlohmann::json::object()));
  REQUIRE(parsed.status().code() == StatusCode::kInvalidArgument);
  REQUIRE_FALSE(kutse::common::IsTransient(parsed.status().code()));
}

TEST_CASE("a duplicate copies the original, applies the corrections and links back") {
  auto approval = *ParseDuplicateApproval(Approval("new_name", {{"holder_name", "Õie Tamm"}}));
  auto made = MakeDuplicate(testing::WeldersCertificate(), approval, kToday);
  REQUIRE(made.ok());
  const auto& duplicate = *made;
  REQUIRE(duplicate.holder_name == "Õie Tamm");
  REQUIRE(*duplicate.duplicate_of == "K-000007");
  REQUIRE(*duplicate.duplicate_reason == DuplicateReason::kNewName);
  REQUIRE(*duplicate.corrected_fields->holder_name == "Õie Tamm");
  REQUIRE(*duplicate.duplicate_request_id == "req-1");
  REQUIRE(duplicate.origin == CertificateOrigin::kDuplicate);
  REQUIRE(duplicate.number.empty());  // a new number from the series
  REQUIRE(duplicate.issue_date == kToday);
  REQUIRE(duplicate.valid_from.ToString() == "2022-03-01");
  REQUIRE(duplicate.valid_until->ToString() == "2027-02-28");
  REQUIRE(duplicate.standard_code == std::optional<std::string>("KEEV-4"));
  REQUIRE(duplicate.competences == std::vector<std::string>{"Keevitamine"});
  REQUIRE(duplicate.published);
}

TEST_CASE("no duplicate of someone else's, a replaced, an invalidated or an annulled certificate") {
  auto approval = *ParseDuplicateApproval(Approval("lost", nlohmann::json::object()));
  auto other = testing::WeldersCertificate();
  other.holder_personal_code = "36805280109";
  REQUIRE_FALSE(MakeDuplicate(other, approval, kToday).ok());
  auto replaced = testing::WeldersCertificate();
  replaced.replaced_by = "K-000010";
  REQUIRE_FALSE(MakeDuplicate(replaced, approval, kToday).ok());
  auto invalidated = testing::WeldersCertificate();
  invalidated.status = CertificateStatus::kInvalidated;
  REQUIRE_FALSE(MakeDuplicate(invalidated, approval, kToday).ok());
  auto annulled = testing::WeldersCertificate();
  annulled.status = CertificateStatus::kAnnulled;
  REQUIRE_FALSE(MakeDuplicate(annulled, approval, kToday).ok());
  auto other_body = *ParseDuplicateApproval(Approval("lost", nlohmann::json::object()));
  other_body.approved_by = "80054321";
  REQUIRE_FALSE(MakeDuplicate(testing::WeldersCertificate(), other_body, kToday).ok());
  other_body.approved_by = "register";
  REQUIRE(MakeDuplicate(testing::WeldersCertificate(), other_body, kToday).ok());
  auto expired = testing::WeldersCertificate();
  expired.status = CertificateStatus::kExpired;
  REQUIRE(MakeDuplicate(expired, approval, kToday)->status == CertificateStatus::kExpired);
  for (const auto& refused :
       {MakeDuplicate(other, approval, kToday), MakeDuplicate(replaced, approval, kToday)}) {
    REQUIRE_FALSE(kutse::common::IsTransient(refused.status().code()));  // dead-lettered at once
  }
}
