#include "db/public_register_repository.hpp"

#include "db/certificate_rows.hpp"
#include "db/sql.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::certificate {
namespace {

// A text[] literal: {"K-000001","K-000002"}, each element quoted.
std::string TextArray(const std::vector<std::string>& items) {
  std::string literal = "{";
  for (const auto& item : items) {
    if (literal.size() > 1) {
      literal += ',';
    }
    literal += '"';
    for (char c : item) {
      if (c == '"' || c == '\\') {
        literal += '\\';
      }
      literal += c;
    }
    literal += '"';
  }
  literal += '}';
  return literal;
}

}  // namespace

std::vector<Certificate> PublicRegisterRepository::Search(const PublicQuery& query) {
  // Plans are made per execution here, so that each sees the values given (a NULL filter is no
  // filter at all) and the settings of this transaction.
  tx_.exec("SET LOCAL plan_cache_mode = force_custom_plan");
  if (query.name) {
    // PostgreSQL cannot estimate how many names contain a substring. Walking the published
    // certificates in number order finds a common name's first page at once but reads the whole
    // register for a name nobody has; the trigram index is the other way round. So count the
    // candidates through the trigram index first (bounded), then take the way that fits.
    constexpr int kManyCandidates = 1000;
    tx_.exec("SET LOCAL enable_indexscan = off");
    tx_.exec("SET LOCAL enable_seqscan = off");
    bool common =
        tx_.exec_prepared1(sql::kCountNameCandidates.name, *query.name, kManyCandidates)["candidates"]
            .as<int>() >= kManyCandidates;
    if (common) {
      tx_.exec("SET LOCAL enable_indexscan = on");
    }
  }
  auto level = db::NumberText(query.level);
  return ReadCertificates(tx_.exec_prepared(
      sql::kPublicSearch.name, db::NullableParam(query.name), db::NullableParam(query.number),
      db::NullableParam(query.after_number), query.limit, db::NullableParam(query.standard),
      db::NullableParam(level), db::NullableParam(query.awarding_body), db::NullableParam(query.valid_on)));
}

CandidateRows PublicRegisterRepository::Candidates(const std::vector<std::string>& numbers,
                                                   const PublicQuery& query) {
  auto level = db::NumberText(query.level);
  auto rows =
      tx_.exec_prepared(sql::kPublicSearchCandidates.name, TextArray(numbers), db::NullableParam(query.name),
                        db::NullableParam(query.standard), db::NullableParam(level),
                        db::NullableParam(query.awarding_body), db::NullableParam(query.valid_on));
  CandidateRows found;
  for (const auto& row : rows) {
    found.search_version = row["search_version"].as<long long>();
    if (!row["number"].is_null()) {
      found.records.push_back(ReadCertificate(row));
    }
  }
  return found;
}

std::optional<Certificate> PublicRegisterRepository::Find(const std::string& number) {
  auto rows = tx_.exec_prepared(sql::kPublicGet.name, number);
  if (rows.empty()) {
    return std::nullopt;
  }
  return ReadCertificate(rows[0]);
}

}  // namespace kutse::certificate
