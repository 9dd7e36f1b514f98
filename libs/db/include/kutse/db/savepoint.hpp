// Part of a transaction that can be undone alone: a use case that refuses (returns a Status that is
// not OK) leaves nothing behind, while the transaction around it goes on and may record the refusal
// itself, e.g. an event consumer that tells the sender why instead of dead-lettering the event.
#pragma once

#include <functional>
#include <pqxx/pqxx>

#include "kutse/common/status.hpp"

namespace kutse::db {

// Runs `body` under a SQL savepoint: kept when it returns OK, rolled back to when it returns any
// other Status. An exception leaves the whole transaction to the caller's rollback.
common::Status WithSavepoint(pqxx::transaction_base& tx, const std::function<common::Status()>& body);

}  // namespace kutse::db
