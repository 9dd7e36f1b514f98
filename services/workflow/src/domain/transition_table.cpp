#include "domain/transition_table.hpp"

#include <algorithm>

namespace kutse::workflow {
namespace {

using A = ActionKind;
using K = RequestKind;
using S = RequestState;

std::vector<TransitionRule> MakeTable() {
  return {
      // Reprint
      {K::kReprint, S::kSubmitted, A::kTake, S::kInReview},
      {K::kReprint, S::kSubmitted, A::kAccept, S::kAccepted},
      {K::kReprint, S::kInReview, A::kAccept, S::kAccepted},
      {K::kReprint, S::kSubmitted, A::kReject, S::kRejected},
      {K::kReprint, S::kInReview, A::kReject, S::kRejected},
      {K::kReprint, S::kAccepted, A::kMarkDelivered, S::kCompleted},
      {K::kReprint, S::kSubmitted, A::kWithdraw, S::kWithdrawn},
      {K::kReprint, S::kInReview, A::kWithdraw, S::kWithdrawn},
      // Duplicate
      {K::kDuplicate, S::kSubmitted, A::kTake, S::kInReview},
      {K::kDuplicate, S::kSubmitted, A::kApprove, S::kApproved},
      {K::kDuplicate, S::kInReview, A::kApprove, S::kApproved},
      {K::kDuplicate, S::kSubmitted, A::kReject, S::kRejected},
      {K::kDuplicate, S::kInReview, A::kReject, S::kRejected},
      {K::kDuplicate, S::kApproved, A::kDuplicateIssued, S::kCompleted},
      {K::kDuplicate, S::kApproved, A::kIssueRefused, S::kIssueRefused},
      {K::kDuplicate, S::kIssueRefused, A::kApprove, S::kApproved},
      {K::kDuplicate, S::kIssueRefused, A::kReject, S::kRejected},
      {K::kDuplicate, S::kSubmitted, A::kWithdraw, S::kWithdrawn},
      {K::kDuplicate, S::kInReview, A::kWithdraw, S::kWithdrawn},
      {K::kDuplicate, S::kSubmitted, A::kAttach, S::kSubmitted},
      {K::kDuplicate, S::kInReview, A::kAttach, S::kInReview},
      // Question
      {K::kQuestion, S::kSubmitted, A::kTake, S::kInReview},
      {K::kQuestion, S::kSubmitted, A::kAnswer, S::kAnswered},
      {K::kQuestion, S::kInReview, A::kAnswer, S::kAnswered},
      {K::kQuestion, S::kSubmitted, A::kReply, S::kSubmitted},
      {K::kQuestion, S::kInReview, A::kReply, S::kInReview},
      {K::kQuestion, S::kAnswered, A::kReply, S::kSubmitted},
      {K::kQuestion, S::kClosed, A::kReply, S::kSubmitted},
      {K::kQuestion, S::kSubmitted, A::kClose, S::kClosed},
      {K::kQuestion, S::kInReview, A::kClose, S::kClosed},
      {K::kQuestion, S::kAnswered, A::kClose, S::kClosed},
  };
}

}  // namespace

const std::vector<TransitionRule>& TransitionTable() {
  static const std::vector<TransitionRule> kTable = MakeTable();
  return kTable;
}

std::optional<RequestState> NextState(RequestKind kind, RequestState from, ActionKind action) {
  for (const auto& rule : TransitionTable()) {
    if (rule.kind == kind && rule.from == from && rule.action == action) {
      return rule.to;
    }
  }
  return std::nullopt;
}

bool KindTakes(RequestKind kind, ActionKind action) {
  const auto& table = TransitionTable();
  return std::any_of(table.begin(), table.end(),
                     [&](const TransitionRule& rule) { return rule.kind == kind && rule.action == action; });
}

std::vector<RequestState> StatesOf(RequestKind kind) {
  std::vector<RequestState> states{RequestState::kSubmitted};
  auto add = [&](RequestState state) {
    if (std::find(states.begin(), states.end(), state) == states.end()) {
      states.push_back(state);
    }
  };
  for (const auto& rule : TransitionTable()) {
    if (rule.kind == kind) {
      add(rule.from);
      add(rule.to);
    }
  }
  return states;
}

}  // namespace kutse::workflow
