// The one place an action on a request is decided: who may (permissions.hpp), whether the state
// allows it (transition_table.hpp), whether its data are right (text_rules.hpp, attachment.hpp).
// An accepted action gives exactly one Transition, the history row the store writes; a refused one
// gives a Status and changes nothing:
//   permission denied   the actor may not take this action, or not on this request;
//   failed precondition the request's kind or state does not allow it (or a duplicate's files are
//                       full, or it is not for inaccurate data);
//   invalid argument    its data are wrong (field errors), or an attached file is too large or of a
//                       type not accepted (with libs/http's reasons payload_too_large and
//                       unsupported_media_type).
// No I/O.
#pragma once

#include <chrono>

#include "domain/actor.hpp"
#include "domain/request_action.hpp"
#include "domain/request_record.hpp"
#include "domain/transition.hpp"
#include "kutse/common/status.hpp"

namespace kutse::workflow {

common::StatusOr<Transition> ApplyAction(const RequestRecord& request, const Actor& actor,
                                         const Action& action, std::chrono::system_clock::time_point at);

// The request once the transition is recorded: its new state, one more file after an attach.
RequestRecord After(const RequestRecord& request, const Transition& transition);

// A certificate number as the register writes them: K-000123, OK-000007, or an old register's
// number (a letter or digit, then up to 31 of letters, digits, '/', '.', '-').
bool IsCertificateNumber(const std::string& text);

}  // namespace kutse::workflow
