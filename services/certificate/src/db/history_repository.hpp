// A certificate's history, written in the same transaction as every change it records.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/history_entry.hpp"

namespace kutse::certificate {

class HistoryRepository {
 public:
  explicit HistoryRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  void Add(const std::string& number, const std::string& changed_by, HistoryChange change,
           const std::optional<std::string>& reason, const nlohmann::json& old_value,
           const nlohmann::json& new_value);
  // Many entries in one statement (`at` is left to the store): entries[i] belongs to numbers[i].
  void AddAll(const std::vector<HistoryEntry>& entries, const std::vector<std::string>& numbers);
  std::vector<HistoryEntry> Of(const std::string& number);  // oldest first

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::certificate
