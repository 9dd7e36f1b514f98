// Use case: the 6-month reminder sweep (ADR 0010). Valid certificates in use whose validity ends
// within six months and that had no reminder get one: marked in the register and announced as
// certificate.expiry_approaching.v1 in the same transaction, so each is reminded of exactly once
// whatever the replicas, restarts or repeats. Returns how many were reminded (at most `limit`).
#pragma once

#include <pqxx/pqxx>

#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::app {

common::StatusOr<int> RemindExpiring(pqxx::work& work, const common::Clock& clock, int limit);

}  // namespace kutse::certificate::app
