// Occupational standards as the register keeps them, inside a caller's transaction or read.
#pragma once

#include <map>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/occupational_standard.hpp"

namespace kutse::certificate {

class StandardRepository {
 public:
  explicit StandardRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  // Standards in use, or the one with this code when it is in use.
  std::vector<OccupationalStandard> Active(const std::optional<std::string>& code = std::nullopt);
  // The standards with these codes, in use or not, by code.
  std::map<std::string, OccupationalStandard> ByCodes(const std::vector<std::string>& codes);
  // True when the standard was created, false when it replaced an existing one.
  bool Save(const OccupationalStandard& standard, const std::string& saved_by);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::certificate
