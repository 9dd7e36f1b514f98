// What the stamping service's handlers are given: the tools of a stamp (the certificate service's
// facts, the renderer, the seal, the public address and the clock), the tools of a verification
// (the records, the facts and the document verifiers) and the database of the records.
#pragma once

#include "app/create_stamp.hpp"
#include "app/verify_stamp.hpp"
#include "kutse/db/pool.hpp"

namespace kutse::stamping {

struct HandlerContext {
  app::StampTools tools;
  app::VerificationTools verification;
  db::Pool& pool;
};

}  // namespace kutse::stamping
