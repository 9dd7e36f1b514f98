#include "events/reprint_completed_handler.hpp"

#include "app/record_reprint.hpp"
#include "events/reprint_completed_event.hpp"
#include "events/workflow_decision.hpp"

namespace kutse::certificate {

common::Status OnReprintCompleted(pqxx::work& work, const common::Clock& clock,
                                  const bus::CloudEvent& event) {
  return CarryOutWorkflowDecision(work, clock, event, RefusedRequestKind::kReprint, [&]() -> common::Status {
    auto completion = ParseReprintCompletion(event.data);
    if (!completion.ok()) {
      return completion.status();
    }
    return app::RecordReprint(work, *completion);
  });
}

}  // namespace kutse::certificate
