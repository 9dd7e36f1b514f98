#include "app/record_decision_refused.hpp"

#include "app/act_on_request.hpp"
#include "db/request_repository.hpp"
#include "domain/text_rules.hpp"
#include "kutse/common/text.hpp"

namespace kutse::workflow::app {

common::Status RecordDecisionRefused(pqxx::work& work, const common::Clock& clock,
                                     const RefusedDecision& refused, const std::string& correlation_id) {
  RequestRepository requests(work);
  auto current = requests.Lock(refused.request_id);
  if (!current) {
    return common::OkStatus();
  }
  if (current->kind == RequestKind::kDuplicate && current->state == RequestState::kApproved) {
    // The history's reason has a limit; the request keeps the whole refusal in any case.
    const std::string& text = refused.refusal.message_et;
    size_t length = common::Utf8Length(text);
    bool fits = length > 0 && length <= kMaxReasonLength;
    RequestChange change{current->id, IssueRefused{fits ? text : refused.refusal.code}, std::nullopt,
                         http::Precondition::kOptional, correlation_id};
    auto applied = ApplyChange(work, clock, Actor::System(), change);
    if (!applied.ok()) {
      return applied.status();
    }
    current = std::move(applied->after);
  }
  current->refusal = refused.refusal;
  requests.SetData(*current, clock.Now());
  return common::OkStatus();
}

}  // namespace kutse::workflow::app
