// db::WithSavepoint against the real PostgreSQL: what a refusing body wrote is undone while the
// transaction around it keeps its own writes; what an accepting body wrote is committed with it.
#include "kutse/db/savepoint.hpp"

#include <catch2/catch.hpp>

#include "support/test_env.hpp"

using namespace kutse;

namespace {

struct Table {
  std::string name = testing::UniqueName("savepoint");
  pqxx::connection connection{testing::AdminDsn()};

  Table() { pqxx::nontransaction(connection).exec0("CREATE TABLE " + name + " (word text NOT NULL)"); }
  ~Table() { pqxx::nontransaction(connection).exec0("DROP TABLE IF EXISTS " + name); }

  void Insert(pqxx::transaction_base& tx, const std::string& word) {
    tx.exec0("INSERT INTO " + name + " (word) VALUES (" + tx.quote(word) + ")");
  }
  std::string Words() {
    return pqxx::nontransaction(connection)
        .exec1("SELECT coalesce(string_agg(word, ',' ORDER BY word), '') FROM " + name)[0]
        .as<std::string>();
  }
};

}  // namespace

TEST_CASE("a refusing body leaves nothing, and the transaction around it goes on and commits", "[db]") {
  Table table;
  {
    pqxx::work work(table.connection);
    table.Insert(work, "before");
    common::Status refused = db::WithSavepoint(work, [&] {
      table.Insert(work, "inside");
      return common::FailedPrecondition(common::Msg("test.refused"));
    });
    CHECK(refused.code() == common::StatusCode::kFailedPrecondition);
    table.Insert(work, "after");
    work.commit();
  }
  CHECK(table.Words() == "after,before");
}

TEST_CASE("an accepting body is kept with the transaction, and rolled back with it", "[db]") {
  Table table;
  {
    pqxx::work work(table.connection);
    CHECK(db::WithSavepoint(work, [&] {
            table.Insert(work, "kept");
            return common::OkStatus();
          }).ok());
    work.commit();
  }
  {
    pqxx::work work(table.connection);
    CHECK(db::WithSavepoint(work, [&] {
            table.Insert(work, "lost");
            return common::OkStatus();
          }).ok());
    work.abort();
  }
  CHECK(table.Words() == "kept");
}
