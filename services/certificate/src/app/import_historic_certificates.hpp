// Use case: the register keeper imports entries of the old register (up to 10,000 at once) with
// their own numbers. An entry already there with the same data counts as unchanged; other data
// under a number already present, a number repeated in the file or an unknown standard refuses the
// whole file. Two imports at once are serialised. Imported entries raise no "issued" notices.
#pragma once

#include <pqxx/pqxx>

#include "domain/certificate.hpp"
#include "domain/row_list.hpp"
#include "kutse/auth/identity.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::app {

struct ImportResult {
  size_t imported = 0;
  size_t unchanged = 0;
};

common::StatusOr<ImportResult> ImportHistoric(pqxx::work& work, const auth::Identity& admin,
                                              const RowList<Certificate>& entries);

}  // namespace kutse::certificate::app
