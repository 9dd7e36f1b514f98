// The answer deadline in Tallinn's calendar, and the order of a handler's inbox.
#include <algorithm>
#include <catch2/catch.hpp>

#include "domain/answer_deadline.hpp"
#include "domain/inbox_order.hpp"

using namespace kutse::workflow;
using kutse::common::Date;
using S = RequestState;

namespace {

std::chrono::system_clock::time_point Utc(int year, int month, int day, int hour, int minute) {
  long days = kutse::common::DaysSinceEpoch(Date{year, month, day});
  return std::chrono::system_clock::time_point(std::chrono::hours(days * 24 + hour) +
                                               std::chrono::minutes(minute));
}

}  // namespace

TEST_CASE("the deadline is 30 days after the Tallinn date of submission") {
  REQUIRE(AnswerDeadline(Utc(2026, 12, 3, 10, 0)) == Date{2027, 1, 2});
  // 22:30 UTC on 3 December is already 4 December in Tallinn (UTC+2).
  REQUIRE(AnswerDeadline(Utc(2026, 12, 3, 22, 30)) == Date{2027, 1, 3});
  // In summer Tallinn is UTC+3: 21:30 UTC on 30 June is 1 July there.
  REQUIRE(AnswerDeadline(Utc(2026, 6, 30, 21, 30)) == Date{2026, 7, 31});
  REQUIRE(AnswerDeadline(Utc(2026, 6, 30, 20, 59)) == Date{2026, 7, 30});
}

TEST_CASE("the number of days is the caller's") {
  REQUIRE(AnswerDeadline(Utc(2026, 12, 3, 10, 0), 14) == Date{2026, 12, 17});
  REQUIRE(AnswerDeadline(Utc(2028, 2, 1, 10, 0), 28) == Date{2028, 2, 29});
}

TEST_CASE("overdue once the deadline has passed while the request waits for the handler") {
  const Date deadline{2027, 1, 2};
  REQUIRE_FALSE(IsOverdue(S::kSubmitted, deadline, Date{2027, 1, 2}));
  REQUIRE(IsOverdue(S::kSubmitted, deadline, Date{2027, 1, 3}));
  REQUIRE(IsOverdue(S::kInReview, deadline, Date{2027, 1, 3}));
  for (S decided : {S::kAccepted, S::kApproved, S::kAnswered, S::kIssueRefused, S::kRejected, S::kCompleted,
                    S::kWithdrawn, S::kClosed}) {
    INFO(ToString(decided));
    REQUIRE_FALSE(IsOverdue(decided, deadline, Date{2027, 6, 1}));
  }
}

TEST_CASE("the inbox shows overdue requests first, then the oldest, then by id") {
  const Date today{2027, 1, 10};
  auto entry = [](std::string id, S state, std::chrono::system_clock::time_point at) {
    return InboxEntry{std::move(id), state, at, AnswerDeadline(at)};
  };
  std::vector<InboxEntry> inbox = {
      entry("f", S::kSubmitted, Utc(2027, 1, 5, 9, 0)),
      entry("e", S::kAccepted, Utc(2026, 11, 1, 9, 0)),    // older than its deadline, but decided
      entry("d", S::kInReview, Utc(2026, 12, 1, 9, 0)),    // overdue
      entry("c", S::kSubmitted, Utc(2026, 11, 20, 9, 0)),  // overdue, the older one
      entry("b", S::kSubmitted, Utc(2027, 1, 5, 9, 0)),    // same instant as f: the id decides
      entry("a", S::kAnswered, Utc(2027, 1, 6, 9, 0)),
  };
  std::sort(inbox.begin(), inbox.end(), InboxOrder{today});
  std::vector<std::string> ids;
  for (const auto& item : inbox) {
    ids.push_back(item.id);
  }
  REQUIRE(ids == std::vector<std::string>{"c", "d", "e", "b", "f", "a"});
}

TEST_CASE("the inbox order is a strict weak order") {
  const Date today{2027, 1, 10};
  InboxEntry overdue{"x", S::kSubmitted, Utc(2026, 11, 1, 9, 0), Date{2026, 12, 1}};
  InboxEntry fresh{"y", S::kSubmitted, Utc(2027, 1, 9, 9, 0), Date{2027, 2, 8}};
  InboxOrder order{today};
  REQUIRE_FALSE(order(overdue, overdue));
  REQUIRE(order(overdue, fresh));
  REQUIRE_FALSE(order(fresh, overdue));
}
