// One accepted action on a request: the row of its history (who, when, from, to, why). Every
// accepted action gives exactly one, a follow-up that keeps the state included. No I/O.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "domain/actor.hpp"
#include "domain/request_action.hpp"
#include "domain/request_state.hpp"

namespace kutse::workflow {

struct Transition {
  RequestState from = RequestState::kSubmitted;
  RequestState to = RequestState::kSubmitted;
  Actor actor;
  Action action;                       // with its data (delivery outcome, new number, the file)
  std::optional<std::string> reason;   // reject, issue_refused: trimmed
  std::optional<std::string> message;  // answer, reply: trimmed
  std::chrono::system_clock::time_point at;

  ActionKind kind() const { return KindOf(action); }
};

}  // namespace kutse::workflow
