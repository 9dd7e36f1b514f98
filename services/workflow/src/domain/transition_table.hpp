// The state machine of each request kind, as data: one row per (kind, from, action) that is
// allowed, giving the state it leads to. Any (kind, state, action) without a row is refused.
//
// Reprint:
//   submitted ──take──▶ in_review
//   submitted, in_review ──accept──▶ accepted ──mark_delivered(posted | handed_over)──▶ completed
//   submitted, in_review ──reject(reason)──▶ rejected
//   submitted, in_review ──withdraw──▶ withdrawn
//
// Duplicate:
//   submitted ──take──▶ in_review
//   submitted, in_review ──approve──▶ approved (the certificate service is to issue it)
//   approved ──duplicate_issued(system, new number)──▶ completed
//   approved ──issue_refused(system, reason)──▶ issue_refused ──approve──▶ approved (the clerk retries)
//   submitted, in_review, issue_refused ──reject(reason)──▶ rejected
//   submitted, in_review ──withdraw──▶ withdrawn
//   submitted, in_review ──attach(file)──▶ the same state (inaccurate data only, at most 5 files)
//
// Question:
//   submitted ──take──▶ in_review
//   submitted, in_review ──answer(message)──▶ answered
//   submitted, in_review ──reply(message)──▶ the same state (a follow-up before the answer)
//   answered, closed ──reply(message)──▶ submitted (reopened: back in the inbox)
//   submitted, in_review, answered ──close──▶ closed
//
// Terminal: rejected, completed, withdrawn, closed (a closed question still takes a reply).
// Who may take each action is permissions.hpp. No I/O.
#pragma once

#include <optional>
#include <vector>

#include "domain/request_action.hpp"
#include "domain/request_kind.hpp"
#include "domain/request_state.hpp"

namespace kutse::workflow {

struct TransitionRule {
  RequestKind kind;
  RequestState from;
  ActionKind action;
  RequestState to;
};

// Every row, kind by kind.
const std::vector<TransitionRule>& TransitionTable();

// The state the action leads to from `from`, or nullopt when the table has no such row.
std::optional<RequestState> NextState(RequestKind kind, RequestState from, ActionKind action);
// Whether a request of this kind ever takes the action (in some state).
bool KindTakes(RequestKind kind, ActionKind action);
// The states a request of this kind can be in: submitted and every state the table names for it.
std::vector<RequestState> StatesOf(RequestKind kind);

}  // namespace kutse::workflow
