// The outbox and inbox tables every service keeps in its own schema. The bus library owns their
// shape, so every service gets the same tables as its migration V001 (services start at V002).
#pragma once

#include <string>

#include "kutse/db/migrations.hpp"

namespace kutse::bus {

db::MigrationFile OutboxInboxMigration(const std::string& schema);

}  // namespace kutse::bus
