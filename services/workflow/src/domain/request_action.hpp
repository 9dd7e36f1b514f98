// What someone does to a request, each action a type carrying its own data, together one variant.
// Who may do which is permissions.hpp; which state each leads to is transition_table.hpp. No I/O.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "domain/attachment.hpp"
#include "domain/reprint_delivery.hpp"

namespace kutse::workflow {

// In the order of the Action variant's alternatives (KindOf relies on it).
enum class ActionKind {
  kTake,             // handler: takes the request into work
  kAccept,           // handler: a reprint will be made
  kReject,           // handler, with a reason
  kMarkDelivered,    // handler: the reprint was posted or handed over
  kApprove,          // handler: the duplicate may be issued
  kDuplicateIssued,  // system: the certificate service issued the duplicate
  kIssueRefused,     // system: the certificate service refused to issue it, with its reason
  kAnswer,           // handler: answers a question
  kReply,            // holder: a message in a question's thread
  kClose,            // holder or handler: closes a question
  kWithdraw,         // holder: while undecided
  kAttach,           // holder: a file to a duplicate request for inaccurate data, while undecided
};

const char* ToString(ActionKind kind);
std::optional<ActionKind> ParseActionKind(const std::string& text);

struct Take {};
struct Accept {};
struct Reject {
  std::string reason;
};
struct MarkDelivered {
  DeliveryOutcome outcome = DeliveryOutcome::kHandedOver;
};
struct Approve {};
struct DuplicateIssued {
  std::string certificate_number;  // the new duplicate's
};
struct IssueRefused {
  std::string reason;
};
struct Answer {
  std::string message;
};
struct Reply {
  std::string message;
};
struct Close {};
struct Withdraw {};
struct Attach {
  Attachment file;
};

using Action = std::variant<Take, Accept, Reject, MarkDelivered, Approve, DuplicateIssued, IssueRefused,
                            Answer, Reply, Close, Withdraw, Attach>;

ActionKind KindOf(const Action& action);

}  // namespace kutse::workflow
