// Reading the public register: only published certificates, never a personal code in what the
// handlers make of them (dto::PublicView). The search by SQL alone, and the rows of the in-memory name
// index's candidates, re-checked here so that hiding takes effect at once.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/certificate.hpp"
#include "domain/public_query.hpp"

namespace kutse::certificate {

struct CandidateRows {
  std::vector<Certificate> records;  // published, matching the query, in number order
  long long search_version = 0;      // the latest numbered change of the name search
};

class PublicRegisterRepository {
 public:
  explicit PublicRegisterRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  // The search by SQL alone (tunes the planner with SET LOCAL: needs a transaction of its own).
  std::vector<Certificate> Search(const PublicQuery& query);
  // Of these numbers, the certificates that are published and match the query's name and filters.
  CandidateRows Candidates(const std::vector<std::string>& numbers, const PublicQuery& query);
  std::optional<Certificate> Find(const std::string& number);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::certificate
