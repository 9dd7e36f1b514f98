// Use case: someone acts on a request (withdraw, reply, close, take; decide_on_request.hpp for a
// handler's decisions). The row
// is locked, the If-Match (when sent) checked against its version, the domain decides
// (ApplyAction), and the new state, the history row, a message and the events are written in the
// caller's one transaction. A holder's action on someone else's request, and a clerk's on a request
// in another inbox (the register keeper's admin's on a body's), is not found, as if it did not exist.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "domain/answer_deadline.hpp"
#include "domain/request.hpp"
#include "domain/request_action.hpp"
#include "domain/transition.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"
#include "kutse/http/etag.hpp"

namespace kutse::workflow::app {

struct RequestChange {
  std::string request_id;
  Action action;
  std::optional<std::string> if_match;  // the If-Match header as sent
  // A handler decides on what they read: their steps need If-Match, so two never both decide.
  http::Precondition precondition = http::Precondition::kOptional;
  std::string correlation_id;
  int answer_days = kDefaultAnswerDays;  // a reopened question's new deadline, from now
};

// What an accepted change left: the request after it and its history row.
struct AppliedChange {
  Request after;
  Transition transition;
};

// The change written (state, history, message, request events), for a use case that adds to it.
common::StatusOr<AppliedChange> ApplyChange(pqxx::work& work, const common::Clock& clock, const Actor& actor,
                                            const RequestChange& change);

common::StatusOr<RequestDetail> ActOnRequest(pqxx::work& work, const common::Clock& clock, const Actor& actor,
                                             const RequestChange& change);

}  // namespace kutse::workflow::app
