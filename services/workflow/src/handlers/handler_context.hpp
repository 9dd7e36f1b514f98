// What the workflow's handlers are given: the database pool, the clock of the use cases, the
// question for a certificate's facts (the certificate service, ADR 0008) and the answer deadline.
#pragma once

#include "app/submit_request.hpp"
#include "domain/answer_deadline.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/db/pool.hpp"

namespace kutse::workflow {

struct HandlerContext {
  db::Pool& pool;
  const common::Clock& clock;
  app::FetchFacts fetch_facts;
  int answer_days = kDefaultAnswerDays;  // KUTSE_REQUEST_ANSWER_DAYS
};

}  // namespace kutse::workflow
