#include "app/submit_request.hpp"

#include "app/read_requests.hpp"
#include "db/request_repository.hpp"
#include "domain/answer_deadline.hpp"
#include "domain/eligibility.hpp"
#include "domain/text_rules.hpp"
#include "events/request_events.hpp"
#include "kutse/bus/outbox.hpp"
#include "kutse/common/ids.hpp"

namespace kutse::workflow::app {
namespace {

using common::Msg;

// The delivery's field errors under /delivery, where the body carries it.
common::StatusOr<ReprintDelivery> CheckDelivery(const ReprintDelivery& delivery) {
  auto checked = CheckReprintDelivery(delivery);
  if (checked.ok()) {
    return checked;
  }
  common::FieldErrors errors;
  for (const auto& error : checked.status().field_errors()) {
    errors.push_back({"/delivery" + error.pointer, error.detail});
  }
  return InvalidInput(std::move(errors));
}

// The kind's own input checked into the request, or its refusal.
common::Status TakeKindData(const RequestInput& input, const CertificateFacts& facts,
                            const auth::Identity& holder, Request& request,
                            std::optional<std::string>& first_message) {
  switch (input.kind) {
    case RequestKind::kReprint: {
      auto delivery = CheckDelivery(input.delivery.value_or(ReprintDelivery{}));
      if (!delivery.ok()) {
        return delivery.status();
      }
      request.delivery = std::move(delivery).value();
      return common::OkStatus();
    }
    case RequestKind::kDuplicate: {
      // The identity's name is one string; PersonName::Full() gives it back trimmed.
      auto claim = CheckDuplicateInput(input.duplicate.value_or(DuplicateInput{}),
                                       PersonName{holder.name, ""}, facts.holder_name);
      if (!claim.ok()) {
        return claim.status();
      }
      request.duplicate = std::move(claim).value();
      return common::OkStatus();
    }
    case RequestKind::kQuestion: {
      auto message = CheckMessageText(input.message.value_or(""));
      if (!message.ok()) {
        return message.status();
      }
      first_message = std::move(message).value();
      return common::OkStatus();
    }
  }
  return common::OkStatus();
}

}  // namespace

common::StatusOr<RequestDetail> SubmitRequest(pqxx::work& work, const common::Clock& clock,
                                              const FetchFacts& fetch_facts, const auth::Identity& holder,
                                              const NewRequest& new_request) {
  const RequestInput& input = new_request.input;
  auto facts = fetch_facts(input.certificate_number);
  if (!facts.ok()) {
    if (facts.status().code() == common::StatusCode::kNotFound) {
      return common::NotFound(Msg("request.certificate_not_found"));
    }
    return facts.status();
  }
  RequestRepository requests(work);
  requests.LockCertificate(facts->number);
  bool open_duplicate = input.kind == RequestKind::kDuplicate && requests.OpenDuplicateExists(facts->number);
  if (common::Status eligible = CheckEligibility(input.kind, *facts, holder.personal_code, open_duplicate);
      !eligible.ok()) {
    return eligible;
  }
  Request request;
  std::optional<std::string> first_message;
  if (common::Status data = TakeKindData(input, *facts, holder, request, first_message); !data.ok()) {
    return data;
  }
  const auto now = clock.Now();
  request.id = common::NewUuid();
  request.kind = input.kind;
  request.state = RequestState::kSubmitted;
  request.certificate_number = facts->number;
  request.holder_personal_code = facts->holder_personal_code;
  request.route = RouteFor(*facts);
  request.awarding_body_id = facts->awarding_body_id;
  request.qualification = {facts->standard_code.empty() ? std::nullopt : std::optional(facts->standard_code),
                           facts->qualification_name_et, facts->qualification_name_en, facts->level};
  request.answer_deadline = AnswerDeadline(now, new_request.answer_days);
  Request stored = requests.Insert(request, now);
  const Actor actor = Actor::Holder(holder.personal_code);
  requests.AddHistory(
      stored.id, {"submit", std::nullopt, RequestState::kSubmitted, actor, std::nullopt, std::nullopt, now});
  if (first_message) {
    requests.AddMessage(stored.id, actor, *first_message, now);
  }
  bus::EnqueueEvent(work, "workflow", RequestSubmittedEvent(stored, new_request.correlation_id));
  return DetailOf(work, std::move(stored));
}

}  // namespace kutse::workflow::app
