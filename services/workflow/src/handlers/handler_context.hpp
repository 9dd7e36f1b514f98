// What the workflow's handlers are given: the database pool, the clock of the use cases and the
// question for a certificate's facts (the certificate service, ADR 0008).
#pragma once

#include "app/submit_request.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/db/pool.hpp"

namespace kutse::workflow {

struct HandlerContext {
  db::Pool& pool;
  const common::Clock& clock;
  app::FetchFacts fetch_facts;
};

}  // namespace kutse::workflow
