// Reading and writing certificates, their history and idempotency keys inside a caller's
// transaction (or a plain read).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/certificate_history.hpp"
#include "domain/certificate_record.hpp"
#include "domain/new_certificate.hpp"
#include "domain/print_order.hpp"
#include "kutse/auth/identity.hpp"

namespace kutse::certificate {

// A row of KUTSE_CERTIFICATE_COLUMNS (db/sql.hpp) as a record.
CertificateRecord ReadCertificateRow(const pqxx::row& row);
std::vector<CertificateRecord> ReadCertificateRows(const pqxx::result& rows);

struct StoredResponse {
  std::string request_hash;
  nlohmann::json body;
};

class CertificateRepository {
 public:
  explicit CertificateRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  // Inserts the certificate (numbered from its type's series unless it brings its own number) and
  // its first history entry.
  CertificateRecord Insert(const NewCertificate& certificate, const std::string& issued_by);

  std::vector<CertificateRecord> ForHolder(const std::string& personal_code);
  std::vector<CertificateRecord> ByNumbers(const std::vector<std::string>& numbers);
  std::optional<CertificateRecord> FindForHolder(const std::string& number, const std::string& personal_code);
  std::optional<CertificateRecord> FindForBody(const std::string& number, const std::string& body_id);
  std::vector<HistoryEntry> HistoryOf(const std::string& number);
  // The print history, oldest first: [{id, printed_at, printed_by, reason, delivery, note}].
  nlohmann::json PrintsOf(const std::string& number);
  nlohmann::json AddPrint(const std::string& number, const std::string& printed_by, const PrintOrder& order);
  // The duplicate already issued for this workflow request, if any.
  std::optional<std::string> DuplicateOfRequest(const std::string& request_id);
  void MarkReplaced(const std::string& number, const std::string& replaced_by);
  // Holds other historic imports off until this transaction ends.
  void SerializeImports();
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

  // True when this caller had not used the key before (the row now belongs to this transaction).
  bool ClaimIdempotencyKey(const std::string& caller, const std::string& key,
                           const std::string& request_hash);
  std::optional<StoredResponse> FindIdempotentResponse(const std::string& caller, const std::string& key);
  void SaveIdempotentResponse(const std::string& caller, const std::string& key, const nlohmann::json& body);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::certificate
