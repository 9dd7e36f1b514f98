// The history of one certificate (every change: who, when, why, what it was and became) as its
// body's staff and as its holder see it. The holder is told whether a change was theirs, made by
// staff or by the register itself, without the staff member's identity. No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace kutse::certificate {

struct HistoryEntry {
  std::string at;
  std::string changed_by;
  std::string change;
  std::optional<std::string> reason;
  nlohmann::json old_value;
  nlohmann::json new_value;
};

nlohmann::json StaffHistoryView(const std::vector<HistoryEntry>& history);
nlohmann::json HolderHistoryView(const std::vector<HistoryEntry>& history, const std::string& holder_subject);

}  // namespace kutse::certificate
