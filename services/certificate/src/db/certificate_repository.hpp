// Reading and writing certificates, their history and idempotency keys inside a caller's
// transaction (or a plain read).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/certificate_draft.hpp"
#include "domain/certificate_record.hpp"
#include "kutse/auth/identity.hpp"

namespace kutse::certificate {

struct StoredResponse {
  std::string request_hash;
  nlohmann::json body;
};

struct PublicQuery {
  std::optional<std::string> name;
  std::optional<std::string> number;
  std::optional<std::string> after_number;  // keyset
  int limit = 20;
};

class CertificateRepository {
 public:
  explicit CertificateRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  // Inserts the certificate with the next number of the series, and its "issued" history entry.
  CertificateRecord Insert(const CertificateDraft& draft, const std::string& body_id,
                           const std::string& issued_by);

  std::vector<CertificateRecord> ForHolder(const std::string& personal_code);
  std::optional<CertificateRecord> LockForHolder(const std::string& number, const std::string& personal_code);
  std::optional<CertificateRecord> LockForBody(const std::string& number, const std::string& body_id);
  CertificateRecord SetPublication(const std::string& number, bool published);
  CertificateRecord SetStatus(const std::string& number, CertificateStatus status,
                              const std::optional<std::string>& reason);
  std::vector<CertificateRecord> ExpireDue(int limit);
  void AddHistory(const std::string& number, const std::string& changed_by, const std::string& change,
                  const std::optional<std::string>& reason, const nlohmann::json& old_value,
                  const nlohmann::json& new_value);

  // A clerk or admin saw this holder's data (the answer carried the personal code).
  void LogAccess(const CertificateRecord& record, const auth::Identity& staff, const std::string& purpose);
  nlohmann::json AccessLog(const std::string& holder_personal_code, const std::optional<long long>& before_id,
                           int limit);

  std::vector<CertificateRecord> SearchPublic(const PublicQuery& query);
  std::optional<CertificateRecord> FindPublic(const std::string& number);

  // True when this caller had not used the key before (the row now belongs to this transaction).
  bool ClaimIdempotencyKey(const std::string& caller, const std::string& key,
                           const std::string& request_hash);
  std::optional<StoredResponse> FindIdempotentResponse(const std::string& caller, const std::string& key);
  void SaveIdempotentResponse(const std::string& caller, const std::string& key, const nlohmann::json& body);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::certificate
