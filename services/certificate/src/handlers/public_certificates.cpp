#include "handlers/public_certificates.hpp"

#include <algorithm>

#include "db/public_register_repository.hpp"
#include "domain/occupational_standard.hpp"
#include "kutse/auth/base64url.hpp"
#include "kutse/common/metrics.hpp"
#include "kutse/common/text.hpp"
#include "kutse/common/time_format.hpp"
#include "kutse/http/problem.hpp"
#include "kutse/http/query.hpp"
#include "search/name_fold.hpp"
#include "search/name_index_feed.hpp"

namespace kutse::certificate {
namespace {

// The in-memory name index walks at most this many posting entries for one chunk of candidates;
// a longer walk (a rare name made of common trigrams) is the database's job.
constexpr size_t kMaxIndexSteps = 200000;
// Candidates the database drops (by a filter) are made up by further, larger chunks, this many
// rounds at most; then the database searches by itself.
constexpr int kMaxIndexRounds = 4;
constexpr size_t kMaxChunk = 2000;
constexpr const char* kSearchesMetric = "kutse_public_searches_total";

PublicQuery ParseQuery(const http::Request& request) {
  PublicQuery query;
  if (auto name = request.QueryParam("name")) {
    size_t length = common::Utf8Length(*name);
    if (length < 2 || length > 100) {
      throw http::BadQuery("/name", "must be 2 to 100 characters");
    }
    query.name = *name;
  }
  if (auto number = request.QueryParam("number")) {
    if (number->empty() || number->size() > kMaxCertificateNumberLength) {
      throw http::BadQuery("/number", "must be 1 to 32 characters");
    }
    query.number = *number;
  }
  if (auto standard = request.QueryParam("standard")) {
    if (!IsStandardCode(*standard)) {
      throw http::BadQuery("/standard", "must be the code of an occupational standard");
    }
    query.standard = *standard;
  }
  if (auto level = request.QueryParam("level")) {
    auto value = http::ParsePositive(*level, 8);
    if (!value) {
      throw http::BadQuery("/level", "must be an EstQF level from 1 to 8");
    }
    query.level = static_cast<int>(*value);
  }
  if (auto body = request.QueryParam("awarding_body")) {
    if (!common::IsRegistryCode(*body)) {
      throw http::BadQuery("/awarding_body", "must be an 8-digit registry code");
    }
    query.awarding_body = *body;
  }
  if (auto day = request.QueryParam("valid_on")) {
    auto date = common::ParseDate(*day);
    if (!date) {
      throw http::BadQuery("/valid_on", "must be a date YYYY-MM-DD");
    }
    query.valid_on = date->ToString();
  }
  query.limit = http::PageSize(request, query.limit);
  if (auto cursor = request.QueryParam("cursor")) {
    query.after_number = auth::Base64UrlDecode(*cursor);
    if (!query.after_number || query.after_number->empty() ||
        query.after_number->size() > kMaxCertificateNumberLength) {
      throw http::BadQuery("/cursor", "unknown cursor");
    }
  }
  return query;
}

// The first `want` matches through the in-memory name index, each re-checked by the database
// (published, name, filters); nullopt when the index cannot answer this search as well as SQL.
std::optional<std::vector<CertificateRecord>> SearchByIndex(db::Pool& pool,
                                                            const search::NameIndexFeed& names,
                                                            const PublicQuery& query, size_t want) {
  if (!query.name || query.number || !names.Usable()) {
    return std::nullopt;
  }
  auto folded = search::FoldName(*query.name);
  if (!folded.exact || folded.text.size() < 2) {
    return std::nullopt;
  }
  // Read before the index: every change numbered up to here is in what the index answers below.
  long long known = names.AppliedVersion();
  std::vector<CertificateRecord> found;
  std::string after = query.after_number.value_or("");
  size_t chunk = want;
  for (int round = 0; round < kMaxIndexRounds; ++round) {
    auto candidates = names.Index().Find(folded.text, after, chunk, kMaxIndexSteps);
    if (candidates.gave_up) {
      return std::nullopt;
    }
    if (round > 0 && candidates.numbers.empty()) {
      return found;
    }
    auto rows = pool.Read([&](pqxx::nontransaction& read) {
      return PublicRegisterRepository(read).Candidates(candidates.numbers, query);
    });
    if (rows.search_version > known) {
      return std::nullopt;  // a change the index has not applied yet: it might miss a certificate
    }
    for (auto& record : rows.records) {
      found.push_back(std::move(record));
    }
    if (found.size() >= want || candidates.complete) {
      if (found.size() > want) {
        found.resize(want);
      }
      return found;
    }
    after = candidates.numbers.back();
    chunk = std::min(chunk * 4, kMaxChunk);
  }
  return std::nullopt;
}

}  // namespace

http::Response SearchPublicCertificates(db::Pool& pool, const search::NameIndexFeed* names,
                                        http::Request& request) {
  static const bool described = [] {
    common::MetricsRegistry::Default().Describe(kSearchesMetric, "counter",
                                                "Public register searches, by how they were answered");
    return true;
  }();
  (void)described;
  PublicQuery query = ParseQuery(request);
  int page = query.limit;
  ++query.limit;  // one more tells whether there is a next page
  std::optional<std::vector<CertificateRecord>> records;
  if (names != nullptr) {
    records = SearchByIndex(pool, *names, query, static_cast<size_t>(query.limit));
  }
  common::MetricsRegistry::Default().Increment(kSearchesMetric,
                                               {{"path", records ? "name_index" : "database"}});
  if (!records) {
    // A transaction of its own: the search tunes the planner for itself only (SET LOCAL).
    records =
        pool.Transaction([&](pqxx::work& work) { return PublicRegisterRepository(work).Search(query); });
  }
  bool more = static_cast<int>(records->size()) > page;
  if (more) {
    records->pop_back();
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& record : *records) {
    items.push_back(PublicView(record));
  }
  nlohmann::json next =
      more ? nlohmann::json(auth::Base64UrlEncode(records->back().number)) : nlohmann::json(nullptr);
  return http::Response::Json(200, {{"items", items}, {"next_cursor", next}});
}

http::Response GetPublicCertificate(db::Pool& pool, http::Request& request) {
  const std::string& number = request.PathParam("number");
  auto record =
      number.size() > kMaxCertificateNumberLength ? std::nullopt : pool.Read([&](pqxx::nontransaction& read) {
        return PublicRegisterRepository(read).Find(number);
      });
  if (!record) {
    throw http::HttpError(404, "not_found", "There is no published certificate with this number.");
  }
  return http::Response::Json(200, PublicView(*record));
}

}  // namespace kutse::certificate
