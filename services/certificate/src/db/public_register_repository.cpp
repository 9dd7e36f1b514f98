#include "db/public_register_repository.hpp"

#include "db/certificate_repository.hpp"
#include "db/sql.hpp"

namespace kutse::certificate {
namespace {

const char* OrNull(const std::optional<std::string>& text) {
  return text ? text->c_str() : nullptr;
}

std::optional<std::string> LevelText(const PublicQuery& query) {
  return query.level ? std::optional<std::string>(std::to_string(*query.level)) : std::nullopt;
}

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

std::vector<CertificateRecord> PublicRegisterRepository::Search(const PublicQuery& query) {
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
    bool common = tx_.exec_prepared1(sql::kCountNameCandidates, *query.name, kManyCandidates)[0].as<int>() >=
                  kManyCandidates;
    if (common) {
      tx_.exec("SET LOCAL enable_indexscan = on");
    }
  }
  auto level = LevelText(query);
  return ReadCertificateRows(tx_.exec_prepared(
      sql::kPublicSearch, OrNull(query.name), OrNull(query.number), OrNull(query.after_number), query.limit,
      OrNull(query.standard), OrNull(level), OrNull(query.awarding_body), OrNull(query.valid_on)));
}

CandidateRows PublicRegisterRepository::Candidates(const std::vector<std::string>& numbers,
                                                   const PublicQuery& query) {
  auto level = LevelText(query);
  auto rows = tx_.exec_prepared(sql::kPublicSearchCandidates, TextArray(numbers), OrNull(query.name),
                                OrNull(query.standard), OrNull(level), OrNull(query.awarding_body),
                                OrNull(query.valid_on));
  CandidateRows found;
  for (const auto& row : rows) {
    found.search_version = row["search_version"].as<long long>();
    if (!row[0].is_null()) {
      found.records.push_back(ReadCertificateRow(row));
    }
  }
  return found;
}

std::optional<CertificateRecord> PublicRegisterRepository::Find(const std::string& number) {
  auto rows = tx_.exec_prepared(sql::kPublicGet, number);
  if (rows.empty()) {
    return std::nullopt;
  }
  return ReadCertificateRow(rows[0]);
}

}  // namespace kutse::certificate
