// Use case: someone acts on a request (withdraw, reply, close; the handlers' steps later). The row
// is locked, the If-Match (when sent) checked against its version, the domain decides
// (ApplyAction), and the new state, the history row, a message and the events are written in the
// caller's one transaction. A holder's action on someone else's request, and a clerk's on a request
// in another inbox, is not found, as if it did not exist.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "domain/request.hpp"
#include "domain/request_action.hpp"
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
};

common::StatusOr<RequestDetail> ActOnRequest(pqxx::work& work, const common::Clock& clock, const Actor& actor,
                                             const RequestChange& change);

}  // namespace kutse::workflow::app
