// The state machines as issue 10 states them, row by row, and the groups of states the rules use.
#include "domain/transition_table.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <tuple>

using namespace kutse::workflow;
using A = ActionKind;
using S = RequestState;

namespace {

using Row = std::tuple<S, A, S>;

std::set<Row> RowsOf(RequestKind kind) {
  std::set<Row> rows;
  for (const auto& rule : TransitionTable()) {
    if (rule.kind == kind) {
      rows.insert({rule.from, rule.action, rule.to});
    }
  }
  return rows;
}

}  // namespace

TEST_CASE("a reprint is accepted or rejected, then delivered") {
  REQUIRE(RowsOf(RequestKind::kReprint) == std::set<Row>{
                                               {S::kSubmitted, A::kTake, S::kInReview},
                                               {S::kSubmitted, A::kAccept, S::kAccepted},
                                               {S::kInReview, A::kAccept, S::kAccepted},
                                               {S::kSubmitted, A::kReject, S::kRejected},
                                               {S::kInReview, A::kReject, S::kRejected},
                                               {S::kAccepted, A::kMarkDelivered, S::kCompleted},
                                               {S::kSubmitted, A::kWithdraw, S::kWithdrawn},
                                               {S::kInReview, A::kWithdraw, S::kWithdrawn},
                                           });
}

TEST_CASE("a duplicate is approved, then issued or refused by the certificate service") {
  REQUIRE(RowsOf(RequestKind::kDuplicate) == std::set<Row>{
                                                 {S::kSubmitted, A::kTake, S::kInReview},
                                                 {S::kSubmitted, A::kApprove, S::kApproved},
                                                 {S::kInReview, A::kApprove, S::kApproved},
                                                 {S::kSubmitted, A::kReject, S::kRejected},
                                                 {S::kInReview, A::kReject, S::kRejected},
                                                 {S::kApproved, A::kDuplicateIssued, S::kCompleted},
                                                 {S::kApproved, A::kIssueRefused, S::kIssueRefused},
                                                 {S::kIssueRefused, A::kApprove, S::kApproved},
                                                 {S::kIssueRefused, A::kReject, S::kRejected},
                                                 {S::kSubmitted, A::kWithdraw, S::kWithdrawn},
                                                 {S::kInReview, A::kWithdraw, S::kWithdrawn},
                                                 {S::kSubmitted, A::kAttach, S::kSubmitted},
                                                 {S::kInReview, A::kAttach, S::kInReview},
                                             });
}

TEST_CASE("a question is answered, reopened by a reply and closed by either side") {
  REQUIRE(RowsOf(RequestKind::kQuestion) == std::set<Row>{
                                                {S::kSubmitted, A::kTake, S::kInReview},
                                                {S::kSubmitted, A::kAnswer, S::kAnswered},
                                                {S::kInReview, A::kAnswer, S::kAnswered},
                                                {S::kSubmitted, A::kReply, S::kSubmitted},
                                                {S::kInReview, A::kReply, S::kInReview},
                                                {S::kAnswered, A::kReply, S::kSubmitted},
                                                {S::kClosed, A::kReply, S::kSubmitted},
                                                {S::kSubmitted, A::kClose, S::kClosed},
                                                {S::kInReview, A::kClose, S::kClosed},
                                                {S::kAnswered, A::kClose, S::kClosed},
                                            });
}

TEST_CASE("the table has one row per kind, state and action") {
  std::set<std::tuple<RequestKind, S, A>> seen;
  for (const auto& rule : TransitionTable()) {
    REQUIRE(seen.insert({rule.kind, rule.from, rule.action}).second);
  }
}

TEST_CASE("next state follows the table and refuses what it lacks") {
  REQUIRE(NextState(RequestKind::kReprint, S::kAccepted, A::kMarkDelivered) == S::kCompleted);
  REQUIRE(NextState(RequestKind::kQuestion, S::kClosed, A::kReply) == S::kSubmitted);
  REQUIRE_FALSE(NextState(RequestKind::kReprint, S::kSubmitted, A::kMarkDelivered).has_value());
  REQUIRE_FALSE(NextState(RequestKind::kDuplicate, S::kSubmitted, A::kDuplicateIssued).has_value());
  REQUIRE_FALSE(NextState(RequestKind::kDuplicate, S::kIssueRefused, A::kWithdraw).has_value());
  REQUIRE_FALSE(NextState(RequestKind::kQuestion, S::kClosed, A::kClose).has_value());
  REQUIRE(KindTakes(RequestKind::kDuplicate, A::kAttach));
  REQUIRE_FALSE(KindTakes(RequestKind::kReprint, A::kAttach));
  REQUIRE_FALSE(KindTakes(RequestKind::kQuestion, A::kApprove));
}

TEST_CASE("each kind uses its own states") {
  auto as_set = [](const std::vector<S>& states) { return std::set<S>(states.begin(), states.end()); };
  REQUIRE(as_set(StatesOf(RequestKind::kReprint)) ==
          std::set<S>{S::kSubmitted, S::kInReview, S::kAccepted, S::kRejected, S::kCompleted, S::kWithdrawn});
  REQUIRE(as_set(StatesOf(RequestKind::kDuplicate)) == std::set<S>{S::kSubmitted, S::kInReview, S::kApproved,
                                                                   S::kIssueRefused, S::kRejected,
                                                                   S::kCompleted, S::kWithdrawn});
  REQUIRE(as_set(StatesOf(RequestKind::kQuestion)) ==
          std::set<S>{S::kSubmitted, S::kInReview, S::kAnswered, S::kClosed});
}

TEST_CASE("terminal, open and undecided states") {
  for (S state : {S::kRejected, S::kCompleted, S::kWithdrawn, S::kClosed}) {
    INFO(ToString(state));
    REQUIRE(IsTerminal(state));
    REQUIRE_FALSE(IsOpen(state));
    REQUIRE_FALSE(IsUndecided(state));
  }
  for (S state : {S::kAccepted, S::kApproved, S::kIssueRefused, S::kAnswered}) {
    INFO(ToString(state));
    REQUIRE(IsOpen(state));
    REQUIRE_FALSE(IsUndecided(state));
  }
  for (S state : {S::kSubmitted, S::kInReview}) {
    INFO(ToString(state));
    REQUIRE(IsOpen(state));
    REQUIRE(IsUndecided(state));
  }
}

TEST_CASE("no row leaves a terminal state but a reply to a closed question") {
  for (const auto& rule : TransitionTable()) {
    if (IsTerminal(rule.from)) {
      REQUIRE(rule.kind == RequestKind::kQuestion);
      REQUIRE(rule.from == S::kClosed);
      REQUIRE(rule.action == A::kReply);
    }
  }
}
