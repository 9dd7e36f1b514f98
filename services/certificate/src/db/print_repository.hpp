// A certificate's print history: every paper printed of it, entered by its body's staff.
#pragma once

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/print_order.hpp"

namespace kutse::certificate {

class PrintRepository {
 public:
  explicit PrintRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  PrintEntry Add(const std::string& number, const std::string& printed_by, const PrintOrder& order);
  std::vector<PrintEntry> Of(const std::string& number);  // oldest first

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::certificate
