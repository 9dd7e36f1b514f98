// A certificate's print history: every paper printed of it, entered by its body's staff or reported
// by the request-workflow service for a reprint request.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/print_order.hpp"

namespace kutse::certificate {

class PrintRepository {
 public:
  explicit PrintRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  // request_id: the workflow's reprint request it was made for; nullopt for one a clerk entered.
  PrintEntry Add(const std::string& number, const std::string& printed_by, const PrintOrder& order,
                 const std::optional<std::string>& request_id = std::nullopt);
  std::optional<PrintEntry> OfRequest(const std::string& request_id);
  std::vector<PrintEntry> Of(const std::string& number);  // oldest first

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::certificate
