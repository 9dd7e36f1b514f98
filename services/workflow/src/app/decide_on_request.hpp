// Use case: a handler decides on a request (accept, reject, mark delivered, approve, answer,
// close). Unlike the holder's steps a decision needs the If-Match of the request the handler read
// (428 without, 412 when stale), so of two clerks only one ever decides. The decision is written
// as ActOnRequest writes any change, and in the same transaction its word to the certificate
// service: an approved duplicate publishes workflow.duplicate_approved.v1, a delivered reprint
// workflow.reprint_completed.v1.
#pragma once

#include <pqxx/pqxx>

#include "app/act_on_request.hpp"

namespace kutse::workflow::app {

// `actor` is a clerk or the register keeper's admin; change.precondition is ignored (required).
common::StatusOr<RequestDetail> DecideOnRequest(pqxx::work& work, const common::Clock& clock,
                                                const Actor& actor, RequestChange change);

}  // namespace kutse::workflow::app
