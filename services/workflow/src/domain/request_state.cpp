#include "domain/request_state.hpp"

#include "kutse/common/enum_names.hpp"

namespace kutse::workflow {
namespace {

constexpr common::EnumName<RequestState> kNames[] = {
    {RequestState::kSubmitted, "submitted"},        {RequestState::kInReview, "in_review"},
    {RequestState::kAccepted, "accepted"},          {RequestState::kApproved, "approved"},
    {RequestState::kIssueRefused, "issue_refused"}, {RequestState::kAnswered, "answered"},
    {RequestState::kRejected, "rejected"},          {RequestState::kCompleted, "completed"},
    {RequestState::kWithdrawn, "withdrawn"},        {RequestState::kClosed, "closed"},
};

}  // namespace

const char* ToString(RequestState state) {
  return common::NameOf(kNames, state);
}

std::optional<RequestState> ParseRequestState(const std::string& text) {
  return common::ValueOf(kNames, text);
}

bool IsTerminal(RequestState state) {
  switch (state) {
    case RequestState::kRejected:
    case RequestState::kCompleted:
    case RequestState::kWithdrawn:
    case RequestState::kClosed:
      return true;
    default:
      return false;
  }
}

bool IsOpen(RequestState state) {
  return !IsTerminal(state);
}

bool IsUndecided(RequestState state) {
  return state == RequestState::kSubmitted || state == RequestState::kInReview;
}

}  // namespace kutse::workflow
