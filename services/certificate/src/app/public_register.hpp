// Use cases of the public register, for anyone: search (any part of a holder's name, a number, the
// filters) and one certificate's page. Only published certificates, re-checked in PostgreSQL, so
// hiding takes effect at once. A name search is proposed by the replica's in-memory trigram index
// when it can answer as well as SQL, and by SQL alone otherwise.
#pragma once

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/certificate.hpp"
#include "domain/public_query.hpp"
#include "kutse/common/status.hpp"
#include "kutse/db/pool.hpp"
#include "search/name_index_feed.hpp"

namespace kutse::certificate::app {

struct PublicPage {
  std::vector<Certificate> items;  // at most query.limit, in number order
  bool more = false;               // a next page exists, after the last item's number
};

// Several short reads from the pool (the index's candidates chunk by chunk), not one transaction:
// each re-check stands on its own. `names` may be null (no index in this process).
PublicPage SearchPublicRegister(db::Pool& pool, const search::NameIndexFeed* names, const PublicQuery& query);
common::StatusOr<Certificate> PublicCertificate(pqxx::transaction_base& tx, const std::string& number);

}  // namespace kutse::certificate::app
