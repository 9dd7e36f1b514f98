// Reading the public register: only published certificates, never a personal code in what the
// handlers make of them (PublicView). The search by SQL alone, and the rows of the in-memory name
// index's candidates, re-checked here so that hiding takes effect at once.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/certificate_record.hpp"

namespace kutse::certificate {

struct PublicQuery {
  std::optional<std::string> name;
  std::optional<std::string> number;
  std::optional<std::string> after_number;  // keyset
  std::optional<std::string> standard;      // standard_code
  std::optional<int> level;
  std::optional<std::string> awarding_body;  // registry code
  std::optional<std::string> valid_on;       // YYYY-MM-DD
  int limit = 20;
};

struct CandidateRows {
  std::vector<CertificateRecord> records;  // published, matching the query, in number order
  long long search_version = 0;            // the latest numbered change of the name search
};

class PublicRegisterRepository {
 public:
  explicit PublicRegisterRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  // The search by SQL alone (tunes the planner with SET LOCAL: needs a transaction of its own).
  std::vector<CertificateRecord> Search(const PublicQuery& query);
  // Of these numbers, the certificates that are published and match the query's name and filters.
  CandidateRows Candidates(const std::vector<std::string>& numbers, const PublicQuery& query);
  std::optional<CertificateRecord> Find(const std::string& number);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::certificate
