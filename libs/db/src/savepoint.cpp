#include "kutse/db/savepoint.hpp"

namespace kutse::db {

common::Status WithSavepoint(pqxx::transaction_base& tx, const std::function<common::Status()>& body) {
  tx.exec0("SAVEPOINT kutse_use_case");
  common::Status status = body();
  tx.exec0(status.ok() ? "RELEASE SAVEPOINT kutse_use_case" : "ROLLBACK TO SAVEPOINT kutse_use_case");
  return status;
}

}  // namespace kutse::db
