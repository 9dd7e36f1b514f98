// A request as the rules need to see it when someone acts on it: its kind and state, whose inbox
// it is in, whose request it is and, for a duplicate, the reason and the files already attached.
// The store reads it under a row lock; apply_action.hpp decides on it. No I/O.
#pragma once

#include <optional>
#include <string>

#include "domain/duplicate_reason.hpp"
#include "domain/handler_route.hpp"
#include "domain/request_kind.hpp"
#include "domain/request_state.hpp"

namespace kutse::workflow {

struct RequestRecord {
  RequestKind kind = RequestKind::kQuestion;
  RequestState state = RequestState::kSubmitted;
  HandlerRoute route = HandlerRoute::RegisterKeeper();
  std::string holder_personal_code;
  std::optional<DuplicateReason> duplicate_reason;  // duplicates only
  int attachment_count = 0;

  bool operator==(const RequestRecord& other) const {
    return kind == other.kind && state == other.state && route == other.route &&
           holder_personal_code == other.holder_personal_code && duplicate_reason == other.duplicate_reason &&
           attachment_count == other.attachment_count;
  }
};

}  // namespace kutse::workflow
