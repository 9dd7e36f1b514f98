// Numbered, forward-only SQL migrations per service: V001__create_schema.sql, V002__....sql.
// Applied in order under an advisory lock (several replicas may start at once), each in its own
// transaction, recorded with a SHA-256 checksum. A changed or vanished old migration is refused.
#pragma once

#include <pqxx/pqxx>
#include <stdexcept>
#include <string>
#include <vector>

namespace kutse::db {

class MigrationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct MigrationFile {
  int version = 0;
  std::string name;  // file name
  std::string sql;
  std::string checksum;  // hex SHA-256 of sql
};

// Reads and orders the migration files of a folder; throws MigrationError on a bad name or a
// version used twice.
std::vector<MigrationFile> LoadMigrations(const std::string& folder);

// Applies what is missing to `schema`; returns how many were applied now.
int ApplyMigrations(pqxx::connection& connection, const std::string& schema,
                    const std::vector<MigrationFile>& migrations);

}  // namespace kutse::db
