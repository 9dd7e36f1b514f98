// The order of a handler's inbox (issue 10): overdue requests first, then the oldest submitted
// first, then by id, so the order is total and a keyset page is stable. The store's query keeps
// the same order; with :today the Tallinn date it is
//
//   ORDER BY (state IN ('submitted', 'in_review') AND answer_deadline < :today) DESC,
//            submitted_at ASC, id ASC
//
// and the unit tests hold this comparator to the rule. No I/O.
#pragma once

#include <chrono>
#include <string>

#include "domain/request_state.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::workflow {

struct InboxEntry {
  std::string id;
  RequestState state = RequestState::kSubmitted;
  std::chrono::system_clock::time_point submitted_at;
  common::Date answer_deadline;
};

// A strict weak order (for std::sort) of the inbox as it stands on `today`.
struct InboxOrder {
  common::Date today;
  bool operator()(const InboxEntry& a, const InboxEntry& b) const;
};

}  // namespace kutse::workflow
