// Use case: certificates whose validity ended before today (in Estonia) expire by themselves, with
// their history entry and certificate.status_changed.v1. Safe with several replicas: each takes
// rows the others have not locked. A replaced original is left alone (its duplicate expires).
#pragma once

#include <pqxx/pqxx>

#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::app {

// How many expired now (at most `limit`; call again while it returns `limit`).
common::StatusOr<int> ExpireDue(pqxx::work& work, const common::Clock& clock, int limit);

}  // namespace kutse::certificate::app
