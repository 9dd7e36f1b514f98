#include "app/decide_on_request.hpp"

#include "app/read_requests.hpp"
#include "events/request_events.hpp"
#include "kutse/bus/outbox.hpp"

namespace kutse::workflow::app {

common::StatusOr<RequestDetail> DecideOnRequest(pqxx::work& work, const common::Clock& clock,
                                                const Actor& actor, RequestChange change) {
  change.precondition = http::Precondition::kRequired;
  auto applied = ApplyChange(work, clock, actor, change);
  if (!applied.ok()) {
    return applied.status();
  }
  const Request& after = applied->after;
  const Transition& transition = applied->transition;
  if (transition.kind() == ActionKind::kApprove) {
    bus::EnqueueEvent(work, "workflow", DuplicateApprovedEvent(after, transition.at, change.correlation_id));
  } else if (const auto* delivered = std::get_if<MarkDelivered>(&transition.action)) {
    // The print history names who carried it out by their subject, as the gateway's tokens do.
    bus::EnqueueEvent(work, "workflow",
                      ReprintCompletedEvent(after, delivered->outcome, "EE" + actor.personal_code,
                                            transition.at, change.correlation_id));
  }
  return DetailOf(work, applied->after);
}

}  // namespace kutse::workflow::app
