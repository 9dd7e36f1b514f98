// A certificate as each audience sees it: the awarding body's staff (everything), its holder
// ("My certificates": with the buttons they may press) and the public (never a personal code nor the
// body's decision). Also the detail pages: history and prints.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/certificate.hpp"
#include "domain/history_entry.hpp"
#include "domain/print_order.hpp"

namespace kutse::certificate::dto {

nlohmann::json StaffView(const Certificate& certificate);
nlohmann::json HolderView(const Certificate& certificate);
nlohmann::json PublicView(const Certificate& certificate);

nlohmann::json StaffHistoryView(const std::vector<HistoryEntry>& history);
// The holder learns whether a change was theirs, staff's or the system's, never which staff member.
nlohmann::json HolderHistoryView(const std::vector<HistoryEntry>& history, const std::string& holder_subject);

nlohmann::json PrintView(const PrintEntry& print);
nlohmann::json StaffPrintsView(const std::vector<PrintEntry>& prints);
nlohmann::json HolderPrintsView(const std::vector<PrintEntry>& prints);  // without who printed

}  // namespace kutse::certificate::dto
