// What the certificate service's handlers are given: the database pool, the clock of the use cases
// and the replica's public name index (null until the service wires it).
#pragma once

#include "kutse/common/clock.hpp"
#include "kutse/db/pool.hpp"
#include "search/name_index_feed.hpp"

namespace kutse::certificate {

struct HandlerContext {
  db::Pool& pool;
  const common::Clock& clock;
  const search::NameIndexFeed* names = nullptr;
};

}  // namespace kutse::certificate
