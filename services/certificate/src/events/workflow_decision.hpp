// What the register does with a decision of the request-workflow service (a duplicate approved, a
// reprint completed): it carries it out in the inbox's transaction, or, when it cannot (the
// certificate is not the holder's, is annulled or replaced, the data break a rule), undoes whatever
// it began and publishes certificate.request_refused.v1, so the refusal comes back to the request
// instead of waiting in a dead-letter queue. A transient failure is retried as any other; only an
// event that names no request at all, so there is no one to tell, is dead-lettered.
#pragma once

#include <functional>
#include <pqxx/pqxx>

#include "events/request_refused_event.hpp"
#include "kutse/bus/cloud_event.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate {

common::Status CarryOutWorkflowDecision(pqxx::work& work, const common::Clock& clock,
                                        const bus::CloudEvent& event, RefusedRequestKind kind,
                                        const std::function<common::Status()>& carry_out);

}  // namespace kutse::certificate
