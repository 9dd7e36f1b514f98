#include "domain/history_entry.hpp"

#include "kutse/common/enum_names.hpp"

namespace kutse::certificate {
namespace {

constexpr common::EnumName<HistoryChange> kChangeNames[] = {
    {HistoryChange::kIssued, "issued"},
    {HistoryChange::kImported, "imported"},
    {HistoryChange::kDuplicateIssued, "duplicate_issued"},
    {HistoryChange::kPublished, "published"},
    {HistoryChange::kHidden, "hidden"},
    {HistoryChange::kInvalidated, "invalidated"},
    {HistoryChange::kAnnulled, "annulled"},
    {HistoryChange::kExpired, "expired"},
    {HistoryChange::kPrinted, "printed"},
    {HistoryChange::kReplaced, "replaced"},
};

constexpr common::EnumName<HistoryAuthor> kAuthorNames[] = {
    {HistoryAuthor::kHolder, "holder"},
    {HistoryAuthor::kStaff, "staff"},
    {HistoryAuthor::kSystem, "system"},
};

constexpr const char* kWorkflowPrefix = "workflow:";

}  // namespace

const char* ToString(HistoryChange change) {
  return common::NameOf(kChangeNames, change);
}

std::optional<HistoryChange> ParseHistoryChange(const std::string& text) {
  return common::ValueOf(kChangeNames, text);
}

std::string WorkflowActor(const std::string& approved_by) {
  return kWorkflowPrefix + approved_by;
}

HistoryAuthor AuthorFor(const HistoryEntry& entry, const std::string& holder_subject) {
  if (entry.changed_by == holder_subject) {
    return HistoryAuthor::kHolder;
  }
  bool person = entry.changed_by.rfind("EE", 0) == 0;
  bool workflow = entry.changed_by.rfind(kWorkflowPrefix, 0) == 0;
  return person || workflow ? HistoryAuthor::kStaff : HistoryAuthor::kSystem;
}

const char* ToString(HistoryAuthor author) {
  return common::NameOf(kAuthorNames, author);
}

}  // namespace kutse::certificate
