// Who may make which request on a certificate, and whose inbox it goes to.
#include "domain/eligibility.hpp"

#include <catch2/catch.hpp>

#include "domain/certificate_status.hpp"
#include "domain/handler_route.hpp"
#include "workflow_fixtures.hpp"

using namespace kutse::workflow;
using namespace kutse::workflow::testing;
using kutse::common::StatusCode;

namespace {

CertificateFacts Facts(CertificateStatus status = CertificateStatus::kValid) {
  CertificateFacts facts;
  facts.number = "K-000007";
  facts.holder_personal_code = kHolderCode;
  facts.holder_name = "Õie Šmidt";
  facts.status = status;
  facts.awarding_body_id = kBody;
  facts.body_active = true;
  facts.body_holds_right_today = true;
  facts.standard_code = "KEEV-4";
  facts.qualification_name_et = "Keevitaja, tase 4";
  facts.level = 4;
  return facts;
}

StatusCode Eligible(RequestKind kind, const CertificateFacts& facts, bool open_duplicate = false) {
  return CheckEligibility(kind, facts, kHolderCode, open_duplicate).code();
}

}  // namespace

TEST_CASE("a request on someone else's certificate is not found, whatever its state") {
  for (RequestKind kind : {RequestKind::kReprint, RequestKind::kDuplicate, RequestKind::kQuestion}) {
    for (CertificateStatus status : {CertificateStatus::kValid, CertificateStatus::kAnnulled}) {
      auto refused = CheckEligibility(kind, Facts(status), kOtherHolderCode, false);
      REQUIRE(refused.code() == StatusCode::kNotFound);
      REQUIRE(refused.message().key == "request.certificate_not_found");
    }
    REQUIRE(CheckEligibility(kind, Facts(), "", false).code() == StatusCode::kNotFound);
  }
}

TEST_CASE("reprint and duplicate only of a valid or expired certificate in use") {
  struct Case {
    CertificateStatus status;
    bool replaced;
    StatusCode expected;
  };
  const std::vector<Case> cases = {
      {CertificateStatus::kValid, false, StatusCode::kOk},
      {CertificateStatus::kExpired, false, StatusCode::kOk},
      {CertificateStatus::kInvalidated, false, StatusCode::kFailedPrecondition},
      {CertificateStatus::kAnnulled, false, StatusCode::kFailedPrecondition},
      {CertificateStatus::kValid, true, StatusCode::kFailedPrecondition},
      {CertificateStatus::kExpired, true, StatusCode::kFailedPrecondition},
  };
  for (RequestKind kind : {RequestKind::kReprint, RequestKind::kDuplicate}) {
    for (const auto& c : cases) {
      INFO(ToString(kind) << " of a " << ToString(c.status) << (c.replaced ? " replaced" : "")
                          << " certificate");
      auto facts = Facts(c.status);
      if (c.replaced) {
        facts.replaced_by = "K-000099";
      }
      REQUIRE(Eligible(kind, facts) == c.expected);
    }
  }
  auto replaced = Facts();
  replaced.replaced_by = "K-000099";
  auto refused = CheckEligibility(RequestKind::kReprint, replaced, kHolderCode, false);
  REQUIRE(refused.message().key == "request.certificate_replaced");
  REQUIRE(refused.message().values ==
          std::vector<std::pair<std::string, std::string>>{{"duplicate", "K-000099"}});
  REQUIRE(CheckEligibility(RequestKind::kReprint, Facts(CertificateStatus::kAnnulled), kHolderCode, false)
              .message()
              .key == "request.certificate_not_in_force");
}

TEST_CASE("no second open duplicate request for one certificate") {
  auto refused = CheckEligibility(RequestKind::kDuplicate, Facts(), kHolderCode, true);
  REQUIRE(refused.code() == StatusCode::kAlreadyExists);
  REQUIRE(refused.message().key == "request.duplicate_already_open");
  // Another kind of request beside an open duplicate is fine.
  REQUIRE(Eligible(RequestKind::kReprint, Facts(), true) == StatusCode::kOk);
  REQUIRE(Eligible(RequestKind::kQuestion, Facts(), true) == StatusCode::kOk);
}

TEST_CASE("a question may be asked about any certificate of the holder's") {
  for (CertificateStatus status : {CertificateStatus::kValid, CertificateStatus::kExpired,
                                   CertificateStatus::kInvalidated, CertificateStatus::kAnnulled}) {
    auto facts = Facts(status);
    facts.replaced_by = "K-000099";
    REQUIRE(Eligible(RequestKind::kQuestion, facts) == StatusCode::kOk);
  }
}

TEST_CASE("a request goes to the issuing body while it is active and holds the right, else to the keeper") {
  struct Case {
    bool active;
    bool holds_right;
    HandlerRoute expected;
  };
  const std::vector<Case> cases = {
      {true, true, HandlerRoute::Body(kBody)},
      {false, true, HandlerRoute::RegisterKeeper()},
      {true, false, HandlerRoute::RegisterKeeper()},
      {false, false, HandlerRoute::RegisterKeeper()},
  };
  for (const auto& c : cases) {
    INFO("active " << c.active << " holds right " << c.holds_right);
    auto facts = Facts();
    facts.body_active = c.active;
    facts.body_holds_right_today = c.holds_right;
    REQUIRE(RouteFor(facts) == c.expected);
  }
  // A historic entry without a registry code for its body has no body to go to.
  auto historic = Facts();
  historic.awarding_body_id = "";
  REQUIRE(RouteFor(historic).IsRegisterKeeper());
}
