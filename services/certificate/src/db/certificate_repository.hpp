// Reading and writing the certificates themselves inside a caller's transaction (or a plain read).
// Their history, prints and the data-access log have repositories of their own beside this one.
#pragma once

#include <chrono>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/certificate.hpp"

namespace kutse::certificate {

class CertificateRepository {
 public:
  explicit CertificateRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  // Inserts the certificates in one statement, each numbered from its type's series unless it
  // brings its own number, and returns them as stored, in the order given.
  std::vector<Certificate> Insert(const std::vector<Certificate>& certificates, const std::string& issued_by);

  std::vector<Certificate> ForHolder(const std::string& personal_code);
  std::vector<Certificate> ByNumbers(const std::vector<std::string>& numbers);
  // By number alone: only for a calling service's question (ADR 0008), never for a person's.
  std::optional<Certificate> Find(const std::string& number);
  std::optional<Certificate> FindForHolder(const std::string& number, const std::string& personal_code);
  std::optional<Certificate> FindForBody(const std::string& number, const std::string& body_id);
  // The same, locked until the transaction ends.
  std::optional<Certificate> LockForHolder(const std::string& number, const std::string& personal_code);
  std::optional<Certificate> LockForBody(const std::string& number, const std::string& body_id);

  Certificate SetPublication(const std::string& number, bool published);
  Certificate SetStatus(const std::string& number, CertificateStatus status,
                        const std::optional<std::string>& reason, std::chrono::system_clock::time_point at);
  // Valid certificates whose validity ended before `today`, now expired (at most `limit`; rows other
  // replicas hold are skipped).
  std::vector<Certificate> ExpireDue(const common::Date& today, std::chrono::system_clock::time_point now,
                                     int limit);
  // Valid certificates in use ending between `today` and `horizon` that had no 6-month reminder, now
  // marked reminded (at most `limit`; rows other replicas hold are skipped).
  std::vector<Certificate> MarkExpiryReminded(const common::Date& today, const common::Date& horizon,
                                              std::chrono::system_clock::time_point now, int limit);
  // The duplicate already issued for this workflow request, if any.
  std::optional<std::string> DuplicateOfRequest(const std::string& request_id);
  void MarkReplaced(const std::string& number, const std::string& replaced_by);
  // Holds other historic imports off until this transaction ends.
  void SerializeImports();

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::certificate
