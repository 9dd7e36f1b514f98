#include "db/idempotency_repository.hpp"

#include "db/sql.hpp"

namespace kutse::certificate {

bool IdempotencyRepository::Claim(const std::string& caller, const std::string& key,
                                  const std::string& request_hash) {
  return tx_.exec_prepared(sql::kClaimIdempotencyKey.name, caller, key, request_hash).affected_rows() == 1;
}

std::optional<StoredAnswer> IdempotencyRepository::Find(const std::string& caller, const std::string& key) {
  auto rows = tx_.exec_prepared(sql::kFindIdempotentResponse.name, caller, key);
  if (rows.empty() || rows[0]["response_body"].is_null()) {
    return std::nullopt;
  }
  return StoredAnswer{rows[0]["request_hash"].as<std::string>(),
                      nlohmann::json::parse(rows[0]["response_body"].as<std::string>())};
}

void IdempotencyRepository::Save(const std::string& caller, const std::string& key,
                                 const nlohmann::json& body) {
  tx_.exec_prepared(sql::kSaveIdempotentResponse.name, caller, key, body.dump());
}

}  // namespace kutse::certificate
