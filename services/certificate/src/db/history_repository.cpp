#include "db/history_repository.hpp"

#include "db/sql.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::certificate {
namespace {

std::optional<std::string> JsonText(const nlohmann::json& value) {
  return value.is_null() ? std::nullopt : std::optional<std::string>(value.dump());
}

nlohmann::json JsonOf(const pqxx::field& field) {
  return field.is_null() ? nlohmann::json(nullptr) : nlohmann::json::parse(field.as<std::string>());
}

}  // namespace

void HistoryRepository::Add(const std::string& number, const std::string& changed_by, HistoryChange change,
                            const std::optional<std::string>& reason, const nlohmann::json& old_value,
                            const nlohmann::json& new_value) {
  const auto old_text = JsonText(old_value);
  const auto new_text = JsonText(new_value);
  tx_.exec_prepared(sql::kInsertHistory.name, number, changed_by, ToString(change), db::NullableParam(reason),
                    db::NullableParam(old_text), db::NullableParam(new_text));
}

void HistoryRepository::AddAll(const std::vector<HistoryEntry>& entries,
                               const std::vector<std::string>& numbers) {
  nlohmann::json rows = nlohmann::json::array();
  for (size_t i = 0; i < entries.size(); ++i) {
    const HistoryEntry& entry = entries[i];
    rows.push_back({{"number", numbers.at(i)},
                    {"changed_by", entry.changed_by},
                    {"change", ToString(entry.change)},
                    {"reason", entry.reason ? nlohmann::json(*entry.reason) : nlohmann::json()},
                    {"old_value", entry.old_value},
                    {"new_value", entry.new_value}});
  }
  tx_.exec_prepared(sql::kInsertHistories.name, rows.dump());
}

std::vector<HistoryEntry> HistoryRepository::Of(const std::string& number) {
  std::vector<HistoryEntry> history;
  for (const auto& row : tx_.exec_prepared(sql::kHistoryOf.name, number)) {
    HistoryEntry entry;
    entry.at = row["changed_at"].as<std::string>();
    entry.changed_by = row["changed_by"].as<std::string>();
    entry.change = ParseHistoryChange(row["change"].as<std::string>()).value_or(HistoryChange::kIssued);
    entry.reason = db::OptionalText(row["reason"]);
    entry.old_value = JsonOf(row["old_value"]);
    entry.new_value = JsonOf(row["new_value"]);
    history.push_back(std::move(entry));
  }
  return history;
}

}  // namespace kutse::certificate
