#include "events/duplicate_approved_handler.hpp"

#include "app/issue_duplicate.hpp"
#include "events/duplicate_approved_event.hpp"
#include "events/workflow_decision.hpp"

namespace kutse::certificate {

common::Status OnDuplicateApproved(pqxx::work& work, const common::Clock& clock,
                                   const bus::CloudEvent& event) {
  return CarryOutWorkflowDecision(work, clock, event, RefusedRequestKind::kDuplicate,
                                  [&]() -> common::Status {
                                    auto approval = ParseDuplicateApproval(event.data);
                                    if (!approval.ok()) {
                                      return approval.status();
                                    }
                                    return app::IssueDuplicate(work, clock, *approval, event.correlationid);
                                  });
}

}  // namespace kutse::certificate
