// Every enum of the workflow's domain travels by a stable snake_case name (SQL, JSON, events):
// the names are pinned here, and each parses back to its value.
#include <catch2/catch.hpp>

#include "domain/actor.hpp"
#include "domain/certificate_status.hpp"
#include "domain/duplicate_claim.hpp"
#include "domain/handler_route.hpp"
#include "domain/reprint_delivery.hpp"
#include "domain/request_action.hpp"
#include "domain/request_kind.hpp"
#include "domain/request_state.hpp"

using namespace kutse::workflow;

namespace {

template <typename E, typename Parse>
void RequireNames(const std::vector<std::pair<E, std::string>>& names, Parse parse) {
  for (const auto& [value, name] : names) {
    INFO(name);
    REQUIRE(ToString(value) == name);
    REQUIRE(parse(name) == value);
  }
  REQUIRE_FALSE(parse("").has_value());
  REQUIRE_FALSE(parse("Submitted").has_value());
  REQUIRE_FALSE(parse(names.front().second + " ").has_value());
}

}  // namespace

TEST_CASE("request kinds, states and actors have stable wire names") {
  RequireNames<RequestKind>({{RequestKind::kReprint, "reprint"},
                             {RequestKind::kDuplicate, "duplicate"},
                             {RequestKind::kQuestion, "question"}},
                            ParseRequestKind);
  RequireNames<RequestState>({{RequestState::kSubmitted, "submitted"},
                              {RequestState::kInReview, "in_review"},
                              {RequestState::kAccepted, "accepted"},
                              {RequestState::kApproved, "approved"},
                              {RequestState::kIssueRefused, "issue_refused"},
                              {RequestState::kAnswered, "answered"},
                              {RequestState::kRejected, "rejected"},
                              {RequestState::kCompleted, "completed"},
                              {RequestState::kWithdrawn, "withdrawn"},
                              {RequestState::kClosed, "closed"}},
                             ParseRequestState);
  RequireNames<ActorKind>({{ActorKind::kHolder, "holder"},
                           {ActorKind::kClerk, "clerk"},
                           {ActorKind::kRegisterKeeper, "register_keeper"},
                           {ActorKind::kSystem, "system"}},
                          ParseActorKind);
}

TEST_CASE("actions have stable wire names and each alternative of Action knows its kind") {
  RequireNames<ActionKind>({{ActionKind::kTake, "take"},
                            {ActionKind::kAccept, "accept"},
                            {ActionKind::kReject, "reject"},
                            {ActionKind::kMarkDelivered, "mark_delivered"},
                            {ActionKind::kApprove, "approve"},
                            {ActionKind::kDuplicateIssued, "duplicate_issued"},
                            {ActionKind::kIssueRefused, "issue_refused"},
                            {ActionKind::kAnswer, "answer"},
                            {ActionKind::kReply, "reply"},
                            {ActionKind::kClose, "close"},
                            {ActionKind::kWithdraw, "withdraw"},
                            {ActionKind::kAttach, "attach"}},
                           ParseActionKind);
  REQUIRE(KindOf(Take{}) == ActionKind::kTake);
  REQUIRE(KindOf(Accept{}) == ActionKind::kAccept);
  REQUIRE(KindOf(Reject{"r"}) == ActionKind::kReject);
  REQUIRE(KindOf(MarkDelivered{DeliveryOutcome::kPosted}) == ActionKind::kMarkDelivered);
  REQUIRE(KindOf(Approve{}) == ActionKind::kApprove);
  REQUIRE(KindOf(DuplicateIssued{"K-000009"}) == ActionKind::kDuplicateIssued);
  REQUIRE(KindOf(IssueRefused{"r"}) == ActionKind::kIssueRefused);
  REQUIRE(KindOf(Answer{"m"}) == ActionKind::kAnswer);
  REQUIRE(KindOf(Reply{"m"}) == ActionKind::kReply);
  REQUIRE(KindOf(Close{}) == ActionKind::kClose);
  REQUIRE(KindOf(Withdraw{}) == ActionKind::kWithdraw);
  REQUIRE(KindOf(Attach{}) == ActionKind::kAttach);
}

TEST_CASE("the request inputs' enums have stable wire names") {
  RequireNames<DuplicateReason>({{DuplicateReason::kLost, "lost"},
                                 {DuplicateReason::kNewName, "new_name"},
                                 {DuplicateReason::kInaccurateData, "inaccurate_data"}},
                                ParseDuplicateReason);
  RequireNames<CorrectableField>({{CorrectableField::kHolderName, "holder_name"},
                                  {CorrectableField::kSpecialisation, "specialisation"},
                                  {CorrectableField::kPartialQualification, "partial_qualification"},
                                  {CorrectableField::kLanguage, "language"},
                                  {CorrectableField::kCompetences, "competences"}},
                                 ParseCorrectableField);
  RequireNames<DeliveryMethod>(
      {{DeliveryMethod::kCollectInPerson, "collect_in_person"}, {DeliveryMethod::kPost, "post"}},
      ParseDeliveryMethod);
  RequireNames<DeliveryOutcome>(
      {{DeliveryOutcome::kPosted, "posted"}, {DeliveryOutcome::kHandedOver, "handed_over"}},
      ParseDeliveryOutcome);
}

TEST_CASE("the certificate's status keeps the certificate service's names") {
  RequireNames<CertificateStatus>({{CertificateStatus::kValid, "valid"},
                                   {CertificateStatus::kExpired, "expired"},
                                   {CertificateStatus::kInvalidated, "invalidated"},
                                   {CertificateStatus::kAnnulled, "annulled"}},
                                  ParseCertificateStatus);
}

TEST_CASE("a handler route is a body's registry code or the register keeper") {
  REQUIRE(HandlerRoute::Body("80012345").ToString() == "80012345");
  REQUIRE(HandlerRoute::RegisterKeeper().ToString() == "register");
  REQUIRE(*HandlerRoute::Parse("register") == HandlerRoute::RegisterKeeper());
  REQUIRE(*HandlerRoute::Parse("80012345") == HandlerRoute::Body("80012345"));
  REQUIRE(HandlerRoute::Parse("80012345")->body_id() == "80012345");
  REQUIRE_FALSE(HandlerRoute::Parse("").has_value());
  REQUIRE_FALSE(HandlerRoute::Parse("8001234").has_value());
  REQUIRE_FALSE(HandlerRoute::Parse("Register").has_value());
}
