#include "domain/certificate_history.hpp"

#include "kutse/common/json_or_null.hpp"

namespace kutse::certificate {
namespace {

nlohmann::json Common(const HistoryEntry& entry) {
  return {{"at", entry.at},
          {"change", entry.change},
          {"reason", common::JsonOrNull(entry.reason)},
          {"old_value", entry.old_value},
          {"new_value", entry.new_value}};
}

// A person acting for a body or the register signs as EE<personal code>; processes sign by name.
bool IsPerson(const std::string& changed_by) {
  return changed_by.rfind("EE", 0) == 0;
}

}  // namespace

nlohmann::json StaffHistoryView(const std::vector<HistoryEntry>& history) {
  nlohmann::json view = nlohmann::json::array();
  for (const auto& entry : history) {
    nlohmann::json item = Common(entry);
    item["changed_by"] = entry.changed_by;
    view.push_back(std::move(item));
  }
  return view;
}

nlohmann::json HolderHistoryView(const std::vector<HistoryEntry>& history,
                                 const std::string& holder_subject) {
  nlohmann::json view = nlohmann::json::array();
  for (const auto& entry : history) {
    nlohmann::json item = Common(entry);
    item["by"] = entry.changed_by == holder_subject                                          ? "holder"
                 : IsPerson(entry.changed_by) || entry.changed_by.rfind("workflow:", 0) == 0 ? "staff"
                                                                                             : "system";
    view.push_back(std::move(item));
  }
  return view;
}

}  // namespace kutse::certificate
