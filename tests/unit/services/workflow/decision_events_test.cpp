// A handler's decision bodies (dto/request_parsers.hpp), the events a decision publishes for the
// certificate service (events/request_events.hpp, as their schemas in proto-docs/events/ say) and
// the register's refusal kept in a request's data (dto/request_data_json.hpp).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "dto/request_data_json.hpp"
#include "dto/request_parsers.hpp"
#include "events/request_events.hpp"
#include "field_errors.hpp"
#include "workflow_fixtures.hpp"

using namespace kutse::workflow;
using namespace kutse::workflow::testing;
using kutse::common::StatusCode;
using nlohmann::json;
using Pointers = std::vector<std::string>;

namespace {

Request DuplicateRequest(DuplicateClaim claim, HandlerRoute route) {
  Request request;
  request.id = "b3e1c0d2-7f4a-4c85-9e2d-5a6b7c8d9e01";
  request.kind = RequestKind::kDuplicate;
  request.state = RequestState::kApproved;
  request.certificate_number = "K-000123";
  request.holder_personal_code = kHolderCode;
  request.route = route;
  request.duplicate = std::move(claim);
  return request;
}

}  // namespace

TEST_CASE("a rejection takes its reason; a delivery posted or handed_over; nothing else") {
  REQUIRE(*dto::ParseReason(json{{"reason", " Hilja "}}) == " Hilja ");  // trimmed by the domain
  REQUIRE(ErrorPointers(dto::ParseReason(json::object()).status()) == Pointers{"/reason"});
  REQUIRE(ErrorPointers(dto::ParseReason(json{{"reason", "x"}, {"why", "y"}}).status()) == Pointers{"/why"});
  REQUIRE(dto::ParseReason(json::array()).status().code() == StatusCode::kInvalidArgument);

  REQUIRE(*dto::ParseDelivered(json{{"delivery", "posted"}}) == DeliveryOutcome::kPosted);
  REQUIRE(*dto::ParseDelivered(json{{"delivery", "handed_over"}}) == DeliveryOutcome::kHandedOver);
  REQUIRE(ErrorPointers(dto::ParseDelivered(json{{"delivery", "drone"}}).status()) == Pointers{"/delivery"});
  REQUIRE(ErrorPointers(dto::ParseDelivered(json{{"delivery", 1}}).status()) == Pointers{"/delivery"});
  REQUIRE(ErrorPointers(dto::ParseDelivered(json::object()).status()) == Pointers{"/delivery"});
}

TEST_CASE("an approval carries the claim made at the request, approved by the request's route") {
  DuplicateClaim renamed{DuplicateReason::kNewName, {}, std::nullopt};
  renamed.corrected.holder_name = "Kati Tamm";
  auto event = DuplicateApprovedEvent(DuplicateRequest(renamed, HandlerRoute::Body(kBody)), At(), "corr-1");
  REQUIRE(event.type == "workflow.duplicate_approved.v1");
  REQUIRE(event.subject == "b3e1c0d2-7f4a-4c85-9e2d-5a6b7c8d9e01");
  REQUIRE(event.correlationid == "corr-1");
  REQUIRE(event.data["request_id"] == event.subject);
  REQUIRE(event.data["certificate_number"] == "K-000123");
  REQUIRE(event.data["holder_personal_code"] == kHolderCode);
  REQUIRE(event.data["reason"] == "new_name");
  REQUIRE(event.data["corrected_fields"] == json{{"holder_name", "Kati Tamm"}});
  REQUIRE(event.data["approved_by"] == kBody);
  REQUIRE(event.data["approved_at"].get<std::string>().back() == 'Z');

  auto lost =
      DuplicateApprovedEvent(DuplicateRequest(DuplicateClaim{DuplicateReason::kLost, {}, std::nullopt},
                                              HandlerRoute::RegisterKeeper()),
                             At(), "corr-2");
  REQUIRE(lost.data["corrected_fields"] == json::object());
  REQUIRE(lost.data["approved_by"] == "register");
  REQUIRE_FALSE(lost.data.contains("note"));  // the holder's note stays with the request
}

TEST_CASE("a delivered reprint names how it went and who carried it out") {
  Request reprint = DuplicateRequest({}, HandlerRoute::Body(kBody));
  reprint.kind = RequestKind::kReprint;
  reprint.duplicate.reset();
  auto event = ReprintCompletedEvent(reprint, DeliveryOutcome::kPosted, "EE" + kClerkCode, At(), "corr-3");
  REQUIRE(event.type == "workflow.reprint_completed.v1");
  REQUIRE(event.data["delivery"] == "posted");
  REQUIRE(event.data["completed_by"] == "EE" + kClerkCode);
  REQUIRE(event.data["holder_personal_code"] == kHolderCode);
  REQUIRE(event.data["certificate_number"] == "K-000123");
}

TEST_CASE("the register's refusal is kept in the request's data and read back") {
  Request request =
      DuplicateRequest(DuplicateClaim{DuplicateReason::kLost, {}, std::nullopt}, HandlerRoute::Body(kBody));
  request.refusal = DecisionRefusal{"failed_precondition", "duplicate.not_in_force", "Tühistatud.",
                                    "Annulled.", "2026-12-03T12:00:00.000Z"};
  json data = dto::KindDataJson(request);
  REQUIRE(data["reason"] == "lost");
  REQUIRE(data["refusal"]["message"] == json{{"et", "Tühistatud."}, {"en", "Annulled."}});
  Request read;
  read.kind = RequestKind::kDuplicate;
  dto::ReadKindData(data, read);
  REQUIRE(read.refusal == request.refusal);
  REQUIRE(read.duplicate->reason == DuplicateReason::kLost);

  Request none;
  none.kind = RequestKind::kQuestion;
  dto::ReadKindData(json::object(), none);
  REQUIRE_FALSE(none.refusal);
}
