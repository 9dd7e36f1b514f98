// Reading and writing certificates and idempotency keys inside a caller's transaction.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "domain/certificate_draft.hpp"

namespace kutse::certificate {

struct StoredResponse {
  std::string request_hash;
  nlohmann::json body;
};

class CertificateRepository {
 public:
  explicit CertificateRepository(pqxx::work& work) : work_(work) {}

  // Inserts the certificate with the next number of the series; returns its JSON representation.
  nlohmann::json Insert(const CertificateDraft& draft, const std::string& body_id,
                        const std::string& issued_by);

  // True when this caller had not used the key before (the row now belongs to this transaction).
  bool ClaimIdempotencyKey(const std::string& caller, const std::string& key,
                           const std::string& request_hash);
  std::optional<StoredResponse> FindIdempotentResponse(const std::string& caller, const std::string& key);
  void SaveIdempotentResponse(const std::string& caller, const std::string& key, const nlohmann::json& body);

 private:
  pqxx::work& work_;
};

}  // namespace kutse::certificate
