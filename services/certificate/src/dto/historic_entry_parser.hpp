// One row of the old register's file, as the admin sends it for import, read into a certificate
// (with its own number, origin "imported"). The old scale's level, the status against the dates
// and the row's other rules come from domain/historic_level.hpp and domain/historic_entry.hpp.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/certificate.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::dto {

// `today` decides the status of an entry that does not state it.
common::StatusOr<Certificate> ParseHistoricEntry(const nlohmann::json& row, const common::Date& today);

}  // namespace kutse::certificate::dto
