// Use case: the certificate service refused to carry out a decision (certificate.request_refused.v1).
// The refusal is kept with the request, so the holder and the handler see why. An approved
// duplicate moves to issue_refused (the system's action, with the refusal's Estonian text as its
// reason), where the handler can approve again or reject; a reprint is already completed and only
// shows the refusal. A refusal of a request we do not have, or one that has moved on since (a
// repeat), changes nothing more than that.
#pragma once

#include <pqxx/pqxx>
#include <string>

#include "domain/request.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::workflow::app {

struct RefusedDecision {
  std::string request_id;
  DecisionRefusal refusal;
};

common::Status RecordDecisionRefused(pqxx::work& work, const common::Clock& clock,
                                     const RefusedDecision& refused, const std::string& correlation_id);

}  // namespace kutse::workflow::app
