// The migrations runner against the real PostgreSQL: order, idempotence, checksums, the lock.
#include "kutse/db/migrations.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "support/test_env.hpp"

using namespace kutse;
namespace fs = std::filesystem;

namespace {

struct Scratch {
  std::string schema = testing::UniqueName("mig");
  fs::path folder = fs::temp_directory_path() / schema;
  Scratch() {
    fs::create_directories(folder);
    pqxx::connection admin(testing::AdminDsn());
    pqxx::nontransaction(admin).exec("CREATE SCHEMA " + schema);
  }
  ~Scratch() {
    fs::remove_all(folder);
    pqxx::connection admin(testing::AdminDsn());
    pqxx::nontransaction(admin).exec("DROP SCHEMA " + schema + " CASCADE");
  }
  void Write(const std::string& name, const std::string& sql) const { std::ofstream(folder / name) << sql; }
  int Apply() const {
    pqxx::connection connection(testing::AdminDsn());
    return db::ApplyMigrations(connection, schema, db::LoadMigrations(folder.string()));
  }
};

}  // namespace

TEST_CASE("migrations apply in order once, and a changed old one stops the service", "[db]") {
  Scratch scratch;
  scratch.Write("V002__add_column.sql", "ALTER TABLE " + scratch.schema + ".things ADD COLUMN colour text;");
  scratch.Write("V001__create_things.sql", "CREATE TABLE " + scratch.schema + ".things (id int);");
  REQUIRE(scratch.Apply() == 2);
  REQUIRE(scratch.Apply() == 0);
  scratch.Write("V003__more.sql", "INSERT INTO " + scratch.schema + ".things VALUES (1, 'red');");
  REQUIRE(scratch.Apply() == 1);
  scratch.Write("V001__create_things.sql", "CREATE TABLE " + scratch.schema + ".things (id bigint);");
  REQUIRE_THROWS_WITH(scratch.Apply(), Catch::Contains("was changed after it was applied"));
}

TEST_CASE("a failing migration leaves nothing half-applied", "[db]") {
  Scratch scratch;
  scratch.Write("V001__ok.sql", "CREATE TABLE " + scratch.schema + ".a (id int);");
  scratch.Write("V002__broken.sql",
                "CREATE TABLE " + scratch.schema + ".b (id int); INSERT INTO nowhere VALUES (1);");
  REQUIRE_THROWS(scratch.Apply());
  pqxx::connection admin(testing::AdminDsn());
  pqxx::nontransaction read(admin);
  REQUIRE(read.exec1("SELECT count(*) FROM " + scratch.schema + ".schema_migrations")[0].as<int>() == 1);
  REQUIRE(read.exec_params1("SELECT to_regclass($1) IS NULL", scratch.schema + ".b")[0].as<bool>());
}

TEST_CASE("badly named or duplicate-numbered files are refused", "[db]") {
  Scratch scratch;
  scratch.Write("create.sql", "SELECT 1;");
  REQUIRE_THROWS_AS(db::LoadMigrations(scratch.folder.string()), db::MigrationError);
  fs::remove(scratch.folder / "create.sql");
  scratch.Write("V001__a.sql", "SELECT 1;");
  scratch.Write("V0001__b.sql", "SELECT 1;");
  REQUIRE_THROWS_WITH(db::LoadMigrations(scratch.folder.string()), Catch::Contains("used twice"));
}

TEST_CASE("replicas starting together apply each migration exactly once", "[db]") {
  Scratch scratch;
  scratch.Write("V001__slow.sql", "SELECT pg_sleep(0.3); CREATE TABLE " + scratch.schema + ".t (id int);");
  scratch.Write("V002__next.sql", "INSERT INTO " + scratch.schema + ".t VALUES (1);");
  std::atomic<int> applied{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> replicas;
  for (int i = 0; i < 3; ++i) {
    replicas.emplace_back([&] {
      try {
        applied += scratch.Apply();
      } catch (const std::exception&) {
        ++failures;
      }
    });
  }
  for (auto& replica : replicas) {
    replica.join();
  }
  REQUIRE(failures == 0);
  REQUIRE(applied == 2);
  pqxx::connection admin(testing::AdminDsn());
  REQUIRE(pqxx::nontransaction(admin).exec1("SELECT count(*) FROM " + scratch.schema + ".t")[0].as<int>() ==
          1);
}
