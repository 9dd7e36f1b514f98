// Consumer of workflow.duplicate_approved.v1: reads the approval and runs app::IssueDuplicate in the
// inbox's transaction. An approval that cannot be carried out (malformed, not the holder's
// certificate, already replaced, invalidated or annulled) is a permanent refusal: the consumer
// dead-letters it for an operator.
#pragma once

#include <pqxx/pqxx>

#include "kutse/bus/cloud_event.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate {

common::Status OnDuplicateApproved(pqxx::work& work, const common::Clock& clock,
                                   const bus::CloudEvent& event);

}  // namespace kutse::certificate
