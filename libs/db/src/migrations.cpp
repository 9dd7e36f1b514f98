#include "kutse/db/migrations.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <pqxx/pqxx>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "kutse/common/log.hpp"
#include "kutse/common/sha256.hpp"

namespace kutse::db {
namespace {

const std::regex kFileName(R"(V([0-9]{3,6})__([a-z0-9_]+)\.sql)");

bool IsIdentifier(const std::string& text) {
  return !text.empty() && text.size() < 64 && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Holds a session-level advisory lock for the lifetime of the object.
class AdvisoryLock {
 public:
  AdvisoryLock(pqxx::connection& connection, const std::string& key) : connection_(connection), key_(key) {
    pqxx::nontransaction(connection_).exec_params("SELECT pg_advisory_lock(hashtext($1))", key_);
  }
  ~AdvisoryLock() {
    try {
      pqxx::nontransaction(connection_).exec_params("SELECT pg_advisory_unlock(hashtext($1))", key_);
    } catch (const std::exception&) {
      // The lock dies with the session anyway.
    }
  }

 private:
  pqxx::connection& connection_;
  std::string key_;
};

}  // namespace

std::vector<MigrationFile> LoadMigrations(const std::string& folder) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(folder, error)) {
    throw MigrationError("migrations folder not found: " + folder);
  }
  std::map<int, MigrationFile> by_version;
  for (const auto& entry : fs::directory_iterator(folder)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || entry.path().extension() != ".sql") {
      continue;
    }
    std::smatch match;
    if (!std::regex_match(name, match, kFileName)) {
      throw MigrationError("migration file name must look like V001__what_it_does.sql: " + name);
    }
    int version = std::stoi(match[1].str());
    if (by_version.count(version) != 0) {
      throw MigrationError("migration version " + std::to_string(version) + " is used twice");
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream sql;
    sql << in.rdbuf();
    by_version[version] = MigrationFile{version, name, sql.str(), common::Sha256Hex(sql.str())};
  }
  std::vector<MigrationFile> ordered;
  for (auto& [version, file] : by_version) {
    ordered.push_back(std::move(file));
  }
  return ordered;
}

int ApplyMigrations(pqxx::connection& connection, const std::string& schema,
                    const std::vector<MigrationFile>& migrations) {
  if (!IsIdentifier(schema)) {
    throw MigrationError("schema name must be a plain lower-case identifier");
  }
  AdvisoryLock lock(connection, "kutse.migrations." + schema);
  {
    pqxx::work work(connection);
    work.exec("CREATE TABLE IF NOT EXISTS " + schema +
              ".schema_migrations (version integer PRIMARY KEY, name text NOT NULL, "
              "checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
    work.commit();
  }
  std::map<int, std::pair<std::string, std::string>> applied;  // version -> name, checksum
  {
    pqxx::nontransaction read(connection);
    for (const auto& row :
         read.exec("SELECT version, name, checksum FROM " + schema + ".schema_migrations")) {
      applied[row[0].as<int>()] = {row[1].as<std::string>(), row[2].as<std::string>()};
    }
  }
  for (const auto& [version, recorded] : applied) {
    auto file = std::find_if(migrations.begin(), migrations.end(),
                             [version = version](const MigrationFile& m) { return m.version == version; });
    if (file == migrations.end()) {
      throw MigrationError("applied migration " + recorded.first + " is missing from the migrations folder");
    }
    if (file->checksum != recorded.second) {
      throw MigrationError("migration " + recorded.first +
                           " was changed after it was applied; add a new migration instead");
    }
  }
  int count = 0;
  for (const auto& migration : migrations) {
    if (applied.count(migration.version) != 0) {
      continue;
    }
    pqxx::work work(connection);
    work.exec(migration.sql);
    work.exec_params(
        "INSERT INTO " + schema + ".schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
        migration.version, migration.name, migration.checksum);
    work.commit();
    common::log::Info("migration applied", {{"schema", schema}, {"migration", migration.name}});
    ++count;
  }
  return count;
}

}  // namespace kutse::db
