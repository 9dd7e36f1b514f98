#include "app/act_on_request.hpp"

#include "app/read_requests.hpp"
#include "db/request_repository.hpp"
#include "domain/answer_deadline.hpp"
#include "domain/apply_action.hpp"
#include "events/request_events.hpp"
#include "kutse/bus/outbox.hpp"
#include "kutse/http/etag.hpp"

namespace kutse::workflow::app {
namespace {

// The one datum of an action worth keeping beside its reason: how a reprint went, the new
// number, the id of an attached file.
std::optional<std::string> ActionDetail(const Action& action) {
  if (const auto* delivered = std::get_if<MarkDelivered>(&action)) {
    return std::string(ToString(delivered->outcome));
  }
  if (const auto* issued = std::get_if<DuplicateIssued>(&action)) {
    return issued->certificate_number;
  }
  if (const auto* attach = std::get_if<Attach>(&action)) {
    return attach->file.id;  // the history names the file it added
  }
  return std::nullopt;
}

}  // namespace

common::StatusOr<AppliedChange> ApplyChange(pqxx::work& work, const common::Clock& clock, const Actor& actor,
                                            const RequestChange& change) {
  RequestRepository requests(work);
  auto current = requests.Lock(change.request_id);
  if (!current || !Sees(actor, *current)) {
    return common::NotFound(common::Msg("request.not_found"));
  }
  if (common::Status fresh = http::CheckIfMatch(change.if_match, http::EntityTag::OfVersion(current->version),
                                                change.precondition);
      !fresh.ok()) {
    return fresh;
  }
  RequestRecord record = current->Record();
  if (KindOf(change.action) == ActionKind::kAttach) {
    // Counted under the row lock: of two parallel uploads the second sees the first.
    record.attachment_count = requests.CountAttachments(current->id);
  }
  const auto now = clock.Now();
  auto transition = ApplyAction(record, actor, change.action, now);
  if (!transition.ok()) {
    return transition.status();
  }
  // A question the holder reopens is submitted anew, and its deadline counts from the reply.
  bool resubmitted =
      transition->to == RequestState::kSubmitted && transition->from != RequestState::kSubmitted;
  Request after =
      requests.SetState(current->id, transition->to, now, resubmitted,
                        resubmitted ? AnswerDeadline(now, change.answer_days) : current->answer_deadline);
  const std::string action = ToString(transition->kind());
  requests.AddHistory(after.id, {action, transition->from, transition->to, actor, transition->reason,
                                 ActionDetail(change.action), now});
  if (transition->message) {
    RequestMessage message = requests.AddMessage(after.id, actor, *transition->message, now);
    bus::EnqueueEvent(work, "workflow", RequestMessageAddedEvent(after, message, change.correlation_id));
  }
  if (transition->from != transition->to) {
    bus::EnqueueEvent(work, "workflow",
                      RequestStatusChangedEvent(after, transition->from, action, actor.kind,
                                                transition->reason, now, change.correlation_id));
  }
  return AppliedChange{std::move(after), std::move(transition).value()};
}

common::StatusOr<RequestDetail> ActOnRequest(pqxx::work& work, const common::Clock& clock, const Actor& actor,
                                             const RequestChange& change) {
  auto applied = ApplyChange(work, clock, actor, change);
  if (!applied.ok()) {
    return applied.status();
  }
  return DetailOf(work, std::move(applied->after));
}

}  // namespace kutse::workflow::app
