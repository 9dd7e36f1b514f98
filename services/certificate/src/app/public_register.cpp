#include "app/public_register.hpp"

#include <algorithm>

#include "db/public_register_repository.hpp"
#include "kutse/common/metrics.hpp"
#include "search/name_fold.hpp"

namespace kutse::certificate::app {
namespace {

// The in-memory name index walks at most this many posting entries for one chunk of candidates;
// a longer walk (a rare name made of common trigrams) is the database's job.
constexpr size_t kMaxIndexSteps = 200000;
// Candidates the database drops (by a filter) are made up by further, larger chunks, this many
// rounds at most; then the database searches by itself.
constexpr int kMaxIndexRounds = 4;
constexpr size_t kMaxChunk = 2000;
constexpr const char* kSearchesMetric = "kutse_public_searches_total";

// The first `want` matches through the in-memory name index, each re-checked by the database
// (published, name, filters); nullopt when the index cannot answer this search as well as SQL.
std::optional<std::vector<Certificate>> SearchByIndex(db::Pool& pool, const search::NameIndexFeed& names,
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
  std::vector<Certificate> found;
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
    for (auto& certificate : rows.records) {
      found.push_back(std::move(certificate));
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

PublicPage SearchPublicRegister(db::Pool& pool, const search::NameIndexFeed* names,
                                const PublicQuery& query) {
  static const bool described = [] {
    common::MetricsRegistry::Default().Describe(kSearchesMetric, "counter",
                                                "Public register searches, by how they were answered");
    return true;
  }();
  (void)described;
  PublicQuery one_more = query;
  ++one_more.limit;  // one more tells whether there is a next page
  std::optional<std::vector<Certificate>> found;
  if (names != nullptr) {
    found = SearchByIndex(pool, *names, one_more, static_cast<size_t>(one_more.limit));
  }
  common::MetricsRegistry::Default().Increment(kSearchesMetric,
                                               {{"path", found ? "name_index" : "database"}});
  if (!found) {
    // A transaction of its own: the search tunes the planner for itself only (SET LOCAL).
    found =
        pool.Transaction([&](pqxx::work& work) { return PublicRegisterRepository(work).Search(one_more); });
  }
  PublicPage page;
  page.more = static_cast<int>(found->size()) > query.limit;
  if (page.more) {
    found->pop_back();
  }
  page.items = std::move(*found);
  return page;
}

common::StatusOr<Certificate> PublicCertificate(pqxx::transaction_base& tx, const std::string& number) {
  auto certificate =
      number.size() > kMaxCertificateNumberLength ? std::nullopt : PublicRegisterRepository(tx).Find(number);
  if (!certificate) {
    return common::NotFound(common::Msg("certificate.not_published"));
  }
  return *certificate;
}

}  // namespace kutse::certificate::app
