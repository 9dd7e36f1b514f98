#include "domain/answer_deadline.hpp"

#include "kutse/common/clock.hpp"

namespace kutse::workflow {

common::Date AnswerDeadline(std::chrono::system_clock::time_point submitted_at, int days) {
  return common::AddDays(common::TallinnDate(submitted_at), days);
}

bool IsOverdue(RequestState state, const common::Date& deadline, const common::Date& today) {
  return IsUndecided(state) && deadline < today;
}

}  // namespace kutse::workflow
