// When the handler owes an answer (issue 10): N days (30 unless configured) after the request was
// submitted, as a calendar date in Estonia; a request is overdue once that date has passed while
// it still waits for the handler (submitted or in review, which for a question is "awaiting an
// answer"). A question reopened by the holder's reply counts from the reply: the caller passes the
// instant it was last submitted. Pure functions of the dates. No I/O.
#pragma once

#include <chrono>

#include "domain/request_state.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::workflow {

inline constexpr int kDefaultAnswerDays = 30;

// The Tallinn date of `submitted_at` plus `days`.
common::Date AnswerDeadline(std::chrono::system_clock::time_point submitted_at,
                            int days = kDefaultAnswerDays);

// Today is after the deadline and the request is undecided.
bool IsOverdue(RequestState state, const common::Date& deadline, const common::Date& today);

}  // namespace kutse::workflow
