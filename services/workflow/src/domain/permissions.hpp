// Who may do what to a request (issue 10):
//   holder:  withdraw, reply, close (a question), attach (a duplicate for inaccurate data)
//   handler: take, accept, reject, mark_delivered, approve, answer, close
//   system:  duplicate_issued, issue_refused (the certificate service's events)
// and only on their own requests: the holder on the requests they made; a clerk on requests
// routed to their body; the register keeper's admins on requests routed to the register keeper
// (not on a body's: the body decides while it can). Whether the state allows the action is
// transition_table.hpp. No I/O.
#pragma once

#include "domain/actor.hpp"
#include "domain/request_action.hpp"
#include "domain/request_record.hpp"
#include "kutse/common/status.hpp"

namespace kutse::workflow {

// OK when `actor` may take `action` on `request`; permission denied otherwise.
common::Status CheckActor(const RequestRecord& request, const Actor& actor, ActionKind action);

}  // namespace kutse::workflow
