// Applying one action: the transition it gives, and each refusal with its code.
#include "domain/apply_action.hpp"

#include <catch2/catch.hpp>

#include "workflow_fixtures.hpp"

using namespace kutse::workflow;
using namespace kutse::workflow::testing;
using kutse::common::StatusCode;
using S = RequestState;

namespace {

StatusCode CodeOf(const RequestRecord& request, const Actor& actor, const Action& action) {
  return ApplyAction(request, actor, action, At()).status().code();
}

std::string KeyOf(const RequestRecord& request, const Actor& actor, const Action& action) {
  return ApplyAction(request, actor, action, At()).status().message().key;
}

Attachment Pdf(std::uint64_t size = 2048) {
  return Attachment{"tunnistus.pdf", "application/pdf", size, std::string(64, 'a')};
}

}  // namespace

TEST_CASE("an accepted action is one transition: from, to, actor, action, at") {
  auto transition = ApplyAction(RequestOf(RequestKind::kReprint), ClerkOfTheBody(), Take{}, At());
  REQUIRE(transition.ok());
  REQUIRE(transition->from == S::kSubmitted);
  REQUIRE(transition->to == S::kInReview);
  REQUIRE(transition->actor == ClerkOfTheBody());
  REQUIRE(transition->kind() == ActionKind::kTake);
  REQUIRE(transition->at == At());
  REQUIRE_FALSE(transition->reason.has_value());
  REQUIRE_FALSE(transition->message.has_value());
  REQUIRE(After(RequestOf(RequestKind::kReprint), *transition).state == S::kInReview);
}

TEST_CASE("a rejection keeps its reason, trimmed") {
  auto transition = ApplyAction(RequestOf(RequestKind::kReprint, S::kInReview), ClerkOfTheBody(),
                                Reject{"  Aadress puudub.\n"}, At());
  REQUIRE(transition.ok());
  REQUIRE(transition->to == S::kRejected);
  REQUIRE(*transition->reason == "Aadress puudub.");
}

TEST_CASE("a rejection without a reason is refused at /reason") {
  auto refused = ApplyAction(RequestOf(RequestKind::kReprint), ClerkOfTheBody(), Reject{" \n "}, At());
  REQUIRE(refused.status().code() == StatusCode::kInvalidArgument);
  REQUIRE(ErrorPointers(refused.status()) == std::vector<std::string>{"/reason"});
  REQUIRE(CodeOf(RequestOf(RequestKind::kReprint), ClerkOfTheBody(), Reject{std::string(2001, 'x')}) ==
          StatusCode::kInvalidArgument);
  REQUIRE(CodeOf(RequestOf(RequestKind::kReprint), ClerkOfTheBody(), Reject{std::string(2000, 'x')}) ==
          StatusCode::kOk);
}

TEST_CASE("a reprint is delivered only after it was accepted") {
  auto accepted = ApplyAction(RequestOf(RequestKind::kReprint), ClerkOfTheBody(), Accept{}, At());
  REQUIRE(accepted->to == S::kAccepted);
  auto delivered = ApplyAction(After(RequestOf(RequestKind::kReprint), *accepted), ClerkOfTheBody(),
                               MarkDelivered{DeliveryOutcome::kPosted}, At());
  REQUIRE(delivered->to == S::kCompleted);
  REQUIRE(std::get<MarkDelivered>(delivered->action).outcome == DeliveryOutcome::kPosted);
  REQUIRE(CodeOf(RequestOf(RequestKind::kReprint, S::kInReview), ClerkOfTheBody(),
                 MarkDelivered{DeliveryOutcome::kHandedOver}) == StatusCode::kFailedPrecondition);
}

TEST_CASE("a duplicate completes when the certificate service issued it") {
  auto issued = ApplyAction(RequestOf(RequestKind::kDuplicate, S::kApproved), Actor::System(),
                            DuplicateIssued{"K-000123"}, At());
  REQUIRE(issued->to == S::kCompleted);
  REQUIRE(std::get<DuplicateIssued>(issued->action).certificate_number == "K-000123");
  auto bad_number = ApplyAction(RequestOf(RequestKind::kDuplicate, S::kApproved), Actor::System(),
                                DuplicateIssued{"K 000123"}, At());
  REQUIRE(bad_number.status().code() == StatusCode::kInvalidArgument);
  REQUIRE(ErrorPointers(bad_number.status()) == std::vector<std::string>{"/certificate_number"});
}

TEST_CASE("a refused issue comes back to the clerk, who approves again or rejects") {
  auto refused = ApplyAction(RequestOf(RequestKind::kDuplicate, S::kApproved), Actor::System(),
                             IssueRefused{"the certificate was annulled"}, At());
  REQUIRE(refused->to == S::kIssueRefused);
  REQUIRE(*refused->reason == "the certificate was annulled");
  auto back = After(RequestOf(RequestKind::kDuplicate, S::kApproved), *refused);
  REQUIRE(ApplyAction(back, ClerkOfTheBody(), Approve{}, At())->to == S::kApproved);
  REQUIRE(ApplyAction(back, ClerkOfTheBody(), Reject{"annulled"}, At())->to == S::kRejected);
  REQUIRE(CodeOf(back, TheHolder(), Withdraw{}) == StatusCode::kFailedPrecondition);
}

TEST_CASE("a question's thread: answer, reply reopens, close") {
  auto question = RequestOf(RequestKind::kQuestion);
  auto follow_up = ApplyAction(question, TheHolder(), Reply{"Ja veel üks asi."}, At());
  REQUIRE(follow_up->from == S::kSubmitted);
  REQUIRE(follow_up->to == S::kSubmitted);
  REQUIRE(*follow_up->message == "Ja veel üks asi.");
  auto answered = ApplyAction(question, ClerkOfTheBody(), Answer{"Vastus."}, At());
  REQUIRE(answered->to == S::kAnswered);
  auto reopened = ApplyAction(After(question, *answered), TheHolder(), Reply{"Aga miks?"}, At());
  REQUIRE(reopened->to == S::kSubmitted);
  auto closed_by_holder = ApplyAction(After(question, *answered), TheHolder(), Close{}, At());
  REQUIRE(closed_by_holder->to == S::kClosed);
  auto closed_by_clerk = ApplyAction(question, ClerkOfTheBody(), Close{}, At());
  REQUIRE(closed_by_clerk->to == S::kClosed);
  auto reply_to_closed =
      ApplyAction(RequestOf(RequestKind::kQuestion, S::kClosed), TheHolder(), Reply{"Veel"}, At());
  REQUIRE(reply_to_closed->to == S::kSubmitted);
  REQUIRE(CodeOf(question, TheHolder(), Reply{"\x01"}) == StatusCode::kInvalidArgument);
  REQUIRE(CodeOf(question, ClerkOfTheBody(), Answer{""}) == StatusCode::kInvalidArgument);
}

TEST_CASE("the wrong actor is refused with permission denied") {
  struct Case {
    const char* name;
    RequestRecord request;
    Actor actor;
    Action action;
    const char* key;
  };
  auto keeper_routed = RequestOf(RequestKind::kReprint);
  keeper_routed.route = HandlerRoute::RegisterKeeper();
  const std::vector<Case> cases = {
      {"another holder withdraws", RequestOf(RequestKind::kReprint), OtherHolder(), Withdraw{},
       "request.not_your_request"},
      {"another holder replies", RequestOf(RequestKind::kQuestion), OtherHolder(), Reply{"x"},
       "request.not_your_request"},
      {"the holder takes", RequestOf(RequestKind::kReprint), TheHolder(), Take{}, "request.handler_only"},
      {"the holder approves", RequestOf(RequestKind::kDuplicate), TheHolder(), Approve{},
       "request.handler_only"},
      {"a clerk withdraws", RequestOf(RequestKind::kReprint), ClerkOfTheBody(), Withdraw{},
       "request.holder_only"},
      {"a clerk attaches", RequestOf(RequestKind::kDuplicate), ClerkOfTheBody(), Attach{Pdf()},
       "request.holder_only"},
      {"a clerk replies", RequestOf(RequestKind::kQuestion), ClerkOfTheBody(), Reply{"x"},
       "request.holder_only"},
      {"a clerk of another body decides", RequestOf(RequestKind::kReprint), ClerkOfOtherBody(), Accept{},
       "request.routed_to_body"},
      {"the register keeper decides a body's request", RequestOf(RequestKind::kReprint), Keeper(), Accept{},
       "request.routed_to_body"},
      {"the body decides the register keeper's request", keeper_routed, ClerkOfTheBody(), Accept{},
       "request.routed_to_register_keeper"},
      {"a clerk records the issue", RequestOf(RequestKind::kDuplicate, S::kApproved), ClerkOfTheBody(),
       DuplicateIssued{"K-000123"}, "request.system_only"},
      {"the holder records a refusal", RequestOf(RequestKind::kDuplicate, S::kApproved), TheHolder(),
       IssueRefused{"x"}, "request.system_only"},
      {"the system takes", RequestOf(RequestKind::kReprint), Actor::System(), Take{}, "request.handler_only"},
      {"the system closes", RequestOf(RequestKind::kQuestion), Actor::System(), Close{},
       "request.holder_only"},
      {"a holder without a code withdraws", RequestOf(RequestKind::kReprint), Actor::Holder(""), Withdraw{},
       "request.not_your_request"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto result = ApplyAction(c.request, c.actor, c.action, At());
    REQUIRE(result.status().code() == StatusCode::kPermissionDenied);
    REQUIRE(result.status().message().key == c.key);
  }
}

TEST_CASE("the register keeper handles what is routed to it") {
  auto request = RequestOf(RequestKind::kDuplicate);
  request.route = HandlerRoute::RegisterKeeper();
  REQUIRE(ApplyAction(request, Keeper(), Approve{}, At())->to == S::kApproved);
}

TEST_CASE("an action the state does not allow is a failed precondition") {
  struct Case {
    RequestRecord request;
    Actor actor;
    Action action;
    const char* key;
  };
  const std::vector<Case> cases = {
      {RequestOf(RequestKind::kReprint, S::kRejected), ClerkOfTheBody(), Accept{},
       "request.already_finished"},
      {RequestOf(RequestKind::kReprint, S::kCompleted), TheHolder(), Withdraw{}, "request.already_finished"},
      {RequestOf(RequestKind::kDuplicate, S::kApproved), ClerkOfTheBody(), Approve{},
       "request.action_not_in_state"},
      {RequestOf(RequestKind::kDuplicate, S::kApproved), TheHolder(), Withdraw{},
       "request.action_not_in_state"},
      {RequestOf(RequestKind::kReprint, S::kAccepted), ClerkOfTheBody(), Reject{"x"},
       "request.action_not_in_state"},
      {RequestOf(RequestKind::kReprint, S::kInReview), ClerkOfTheBody(), Take{},
       "request.action_not_in_state"},
      {RequestOf(RequestKind::kQuestion, S::kAnswered), ClerkOfTheBody(), Answer{"x"},
       "request.action_not_in_state"},
      {RequestOf(RequestKind::kQuestion, S::kClosed), ClerkOfTheBody(), Close{}, "request.already_finished"},
      {RequestOf(RequestKind::kReprint), ClerkOfTheBody(), Approve{}, "request.action_not_for_kind"},
      {RequestOf(RequestKind::kQuestion), ClerkOfTheBody(), Accept{}, "request.action_not_for_kind"},
      {RequestOf(RequestKind::kReprint), TheHolder(), Close{}, "request.action_not_for_kind"},
      {RequestOf(RequestKind::kReprint), TheHolder(), Attach{Pdf()}, "request.action_not_for_kind"},
      {RequestOf(RequestKind::kQuestion), TheHolder(), Withdraw{}, "request.action_not_for_kind"},
  };
  for (const auto& c : cases) {
    INFO(ToString(c.request.kind) << " " << ToString(c.request.state) << " " << ToString(KindOf(c.action)));
    REQUIRE(CodeOf(c.request, c.actor, c.action) == StatusCode::kFailedPrecondition);
    REQUIRE(KeyOf(c.request, c.actor, c.action) == c.key);
  }
}

TEST_CASE("permission is decided before the state") {
  // A clerk of another body learns nothing of the request's state.
  REQUIRE(CodeOf(RequestOf(RequestKind::kReprint, S::kRejected), ClerkOfOtherBody(), Accept{}) ==
          StatusCode::kPermissionDenied);
}

TEST_CASE("the holder attaches files to an undecided duplicate for inaccurate data") {
  auto request = RequestOf(RequestKind::kDuplicate);
  auto attached = ApplyAction(request, TheHolder(), Attach{Pdf()}, At());
  REQUIRE(attached.ok());
  REQUIRE(attached->to == S::kSubmitted);
  REQUIRE(std::get<Attach>(attached->action).file == Pdf());
  REQUIRE(After(request, *attached).attachment_count == 1);

  for (const char* type : {"application/pdf", "image/jpeg", "image/png"}) {
    INFO(type);
    REQUIRE(ApplyAction(request, TheHolder(), Attach{Attachment{"f", type, 10, ""}}, At()).ok());
  }
  auto lost = request;
  lost.duplicate_reason = DuplicateReason::kLost;
  REQUIRE(KeyOf(lost, TheHolder(), Attach{Pdf()}) == "request.attachments_only_inaccurate_data");
  REQUIRE(CodeOf(RequestOf(RequestKind::kDuplicate, S::kApproved), TheHolder(), Attach{Pdf()}) ==
          StatusCode::kFailedPrecondition);
}

TEST_CASE("at most five files") {
  auto request = RequestOf(RequestKind::kDuplicate, S::kInReview);
  for (int i = 0; i < kMaxAttachments; ++i) {
    auto attached = ApplyAction(request, TheHolder(), Attach{Pdf()}, At());
    REQUIRE(attached.ok());
    request = After(request, *attached);
  }
  REQUIRE(request.attachment_count == 5);
  auto sixth = ApplyAction(request, TheHolder(), Attach{Pdf()}, At());
  REQUIRE(sixth.status().code() == StatusCode::kFailedPrecondition);
  REQUIRE(sixth.status().message().key == "request.attachments_full");
}

TEST_CASE("a file too large, empty or of another type is refused") {
  auto request = RequestOf(RequestKind::kDuplicate);
  REQUIRE(ApplyAction(request, TheHolder(), Attach{Pdf(kMaxAttachmentBytes)}, At()).ok());
  auto large = ApplyAction(request, TheHolder(), Attach{Pdf(kMaxAttachmentBytes + 1)}, At());
  REQUIRE(large.status().code() == StatusCode::kInvalidArgument);
  REQUIRE(large.status().reason() == "payload_too_large");
  auto empty = ApplyAction(request, TheHolder(), Attach{Pdf(0)}, At());
  REQUIRE(empty.status().message().key == "request.attachment_empty");
  for (const char* type : {"application/x-dosexec", "text/plain", "image/gif", "", "APPLICATION/PDF"}) {
    INFO(type);
    auto other = ApplyAction(request, TheHolder(), Attach{Attachment{"a.pdf", type, 100, ""}}, At());
    REQUIRE(other.status().code() == StatusCode::kInvalidArgument);
    REQUIRE(other.status().reason() == "unsupported_media_type");
  }
}
