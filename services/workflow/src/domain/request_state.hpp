// The states a request passes through. Which states each kind uses, and how it moves between them,
// is transition_table.hpp; this file names the states and the groups the rules speak of. No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::workflow {

enum class RequestState {
  kSubmitted,     // waiting in the handler's inbox
  kInReview,      // a handler took it into work
  kAccepted,      // reprint: accepted, to be printed and delivered
  kApproved,      // duplicate: approved, awaiting issue by the certificate service
  kIssueRefused,  // duplicate: the certificate service refused to issue it; the handler acts again
  kAnswered,      // question: the handler answered
  kRejected,
  kCompleted,
  kWithdrawn,
  kClosed,  // question: closed by either side; a holder's reply still reopens it
};

const char* ToString(RequestState state);
std::optional<RequestState> ParseRequestState(const std::string& text);

// Rejected, completed, withdrawn and closed: the request is finished (only a closed question can
// come back, by the holder's reply).
bool IsTerminal(RequestState state);
// Not terminal: counted as the certificate's open request ("no second open duplicate").
bool IsOpen(RequestState state);
// Submitted or in review: nothing decided yet, so the holder may still withdraw and the answer
// deadline runs.
bool IsUndecided(RequestState state);

}  // namespace kutse::workflow
