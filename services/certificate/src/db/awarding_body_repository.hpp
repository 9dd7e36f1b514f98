// Awarding bodies and their rights as the register keeps them, inside a caller's transaction or read.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/awarding_body.hpp"

namespace kutse::certificate {

class AwardingBodyRepository {
 public:
  explicit AwardingBodyRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  std::vector<AwardingBody> Active();
  std::optional<AwardingBody> Find(const std::string& registry_code);
  // Saves the body and replaces all its rights. True when the body was created.
  bool Save(const AwardingBody& body, const std::string& saved_by);
  // Holds the body's rights still until the transaction ends (issuing against them).
  void Lock(const std::string& registry_code);

 private:
  void AttachRights(std::vector<AwardingBody>& bodies);

  pqxx::transaction_base& tx_;
};

}  // namespace kutse::certificate
