#include "domain/inbox_order.hpp"

#include <tuple>

#include "domain/answer_deadline.hpp"

namespace kutse::workflow {

bool InboxOrder::operator()(const InboxEntry& a, const InboxEntry& b) const {
  // Not overdue sorts after overdue: false < true.
  bool a_waits = !IsOverdue(a.state, a.answer_deadline, today);
  bool b_waits = !IsOverdue(b.state, b.answer_deadline, today);
  return std::tie(a_waits, a.submitted_at, a.id) < std::tie(b_waits, b.submitted_at, b.id);
}

}  // namespace kutse::workflow
