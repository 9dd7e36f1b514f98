// Answers kept per (caller, Idempotency-Key), so that a repeated create returns its first answer.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <string>

namespace kutse::certificate {

struct StoredAnswer {
  std::string request_hash;
  nlohmann::json body;
};

class IdempotencyRepository {
 public:
  explicit IdempotencyRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  // True when this caller had not used the key before (the row now belongs to this transaction; a
  // concurrent one with the same key waits for it).
  bool Claim(const std::string& caller, const std::string& key, const std::string& request_hash);
  std::optional<StoredAnswer> Find(const std::string& caller, const std::string& key);
  void Save(const std::string& caller, const std::string& key, const nlohmann::json& body);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::certificate
