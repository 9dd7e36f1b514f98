// Consumer of workflow.duplicate_approved.v1: reads the approval and runs app::IssueDuplicate in the
// inbox's transaction. An approval that cannot be carried out (malformed, not the holder's
// certificate, already replaced, invalidated or annulled) goes back to the request as
// certificate.request_refused.v1 (events/workflow_decision.hpp).
#pragma once

#include <pqxx/pqxx>

#include "kutse/bus/cloud_event.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate {

common::Status OnDuplicateApproved(pqxx::work& work, const common::Clock& clock,
                                   const bus::CloudEvent& event);

}  // namespace kutse::certificate
