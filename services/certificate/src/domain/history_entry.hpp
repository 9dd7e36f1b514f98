// One change in a certificate's history (proto-docs/domain.md: every change keeps who, when and why): what
// changed, from what to what, and who did it; and how the holder is told who did it (themselves,
// staff or the register itself, never which staff member). No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace kutse::certificate {

enum class HistoryChange {
  kIssued,
  kImported,
  kDuplicateIssued,
  kPublished,
  kHidden,
  kInvalidated,
  kAnnulled,
  kExpired,
  kPrinted,
  kReplaced,
};

const char* ToString(HistoryChange change);
std::optional<HistoryChange> ParseHistoryChange(const std::string& text);

// Who signs a change: a person as EE<personal code>, the workflow service as workflow:<approver>,
// and the register's own jobs as "system".
inline constexpr const char* kSystemActor = "system";
std::string WorkflowActor(const std::string& approved_by);

struct HistoryEntry {
  std::string at;  // UTC ISO 8601
  std::string changed_by;
  HistoryChange change = HistoryChange::kIssued;
  std::optional<std::string> reason;
  nlohmann::json old_value;  // the fields as they were, e.g. {"status": "valid"}; null for a new entry
  nlohmann::json new_value;
};

enum class HistoryAuthor { kHolder, kStaff, kSystem };
HistoryAuthor AuthorFor(const HistoryEntry& entry, const std::string& holder_subject);
const char* ToString(HistoryAuthor author);

}  // namespace kutse::certificate
