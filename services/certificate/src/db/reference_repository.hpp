// Reading and writing the register's reference data (occupational standards, awarding bodies and
// their rights) inside a caller's transaction or read.
#pragma once

#include <map>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/awarding_body.hpp"
#include "domain/occupational_standard.hpp"

namespace kutse::certificate {

class ReferenceRepository {
 public:
  explicit ReferenceRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  // Today in Estonia, by the database's clock: the date issuing rules are judged on.
  common::Date RegisterToday();

  // Standards in use, or the one with this code when it is in use.
  std::vector<OccupationalStandard> ActiveStandards(const std::optional<std::string>& code = std::nullopt);
  // The standards with these codes, in use or not, by code.
  std::map<std::string, OccupationalStandard> StandardsByCodes(const std::vector<std::string>& codes);
  // True when the standard was created, false when it replaced an existing one.
  bool SaveStandard(const OccupationalStandard& standard, const std::string& saved_by);

  std::vector<AwardingBody> ActiveBodies();
  std::optional<AwardingBody> FindBody(const std::string& registry_code);
  // Saves the body and replaces all its rights. True when the body was created.
  bool SaveBody(const AwardingBody& body, const std::string& saved_by);
  // Holds the body's rights still until the transaction ends (issuing against them).
  void LockBody(const std::string& registry_code);

 private:
  void AttachRights(std::vector<AwardingBody>& bodies);

  pqxx::transaction_base& tx_;
};

}  // namespace kutse::certificate
