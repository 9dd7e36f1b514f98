// db::IdempotencyStore against the real PostgreSQL: a repeat, a conflict, two transactions with the
// same key at once, and the certificate service's table after its migration V008.
#include "kutse/db/idempotency_store.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "support/test_env.hpp"

using namespace kutse;
using std::chrono::milliseconds;

namespace {

struct Scratch {
  std::string schema = testing::UniqueName("idem");
  db::IdempotencyStore store{schema};

  explicit Scratch(bool certificate_shape = false) {
    pqxx::connection admin(testing::AdminDsn());
    pqxx::nontransaction(admin).exec("CREATE SCHEMA " + schema);
    if (certificate_shape) {
      // As services/certificate/migrations/V002 made it, then that service's own V008.
      pqxx::nontransaction(admin).exec(
          "CREATE TABLE " + schema +
          ".idempotency_keys (caller text NOT NULL, key text NOT NULL, "
          "request_hash text NOT NULL, response_body jsonb, created_at timestamptz "
          "NOT NULL DEFAULT now(), PRIMARY KEY (caller, key))");
      std::ifstream file(testing::RequiredEnv("KUTSE_REPO") +
                         "/services/certificate/migrations/V008__idempotency_status.sql");
      std::stringstream sql;
      sql << file.rdbuf();
      std::string text = sql.str();
      REQUIRE(text.find("certificate.idempotency_keys") != std::string::npos);
      text.replace(text.find("certificate.idempotency_keys"), 12, schema + ".");
      pqxx::nontransaction(admin).exec(text);
    } else {
      // The DDL of idempotency_store.hpp.
      pqxx::nontransaction(admin).exec(
          "CREATE TABLE " + schema +
          ".idempotency_keys (caller text NOT NULL, key text NOT NULL, "
          "request_hash text NOT NULL, response_status integer, response_body jsonb, "
          "created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (caller, key))");
    }
  }
  ~Scratch() {
    pqxx::connection admin(testing::AdminDsn());
    pqxx::nontransaction(admin).exec("DROP SCHEMA " + schema + " CASCADE");
  }
};

const db::StoredResponse kCreated{201, {{"number", "K-000017"}}};

// Claims and answers in one committed transaction, as a handler would.
void AnswerFirst(Scratch& scratch, const std::string& key, const std::string& hash) {
  pqxx::connection connection(testing::AdminDsn());
  pqxx::work work(connection);
  auto claim = scratch.store.Claim(work, "38001010008", key, hash);
  REQUIRE(claim.ok());
  REQUIRE(claim->first);
  scratch.store.Save(work, "38001010008", key, kCreated);
  work.commit();
}

// A key answered once already, and a transaction of its own for what comes next.
struct Answered {
  Scratch scratch;
  pqxx::connection connection{testing::AdminDsn()};
  pqxx::work work{connection};
  Answered() { AnswerFirst(scratch, "key-1", "hash-a"); }
};

// Whether the backend waits on a lock (the claim's INSERT waiting for the other transaction).
bool WaitsOnLock(int backend_pid) {
  pqxx::connection admin(testing::AdminDsn());
  for (int i = 0; i < 200; ++i) {
    auto row = pqxx::nontransaction(admin).exec_params1(
        "SELECT coalesce(wait_event_type, '') FROM pg_stat_activity WHERE pid = $1", backend_pid);
    if (row[0].as<std::string>() == "Lock") {
      return true;
    }
    std::this_thread::sleep_for(milliseconds(20));
  }
  return false;
}

}  // namespace

TEST_CASE_METHOD(Answered,
                 "a repeat with the same request gets the first answer back, and nothing runs again",
                 "[db]") {
  auto claim = scratch.store.Claim(work, "38001010008", "key-1", "hash-a");
  REQUIRE(claim.ok());
  CHECK_FALSE(claim->first);
  CHECK(claim->answer.status == 201);
  CHECK(claim->answer.body == kCreated.body);
  int produced = 0;
  auto once = scratch.store.Once(work, "38001010008", std::string("key-1"), "hash-a", [&] {
    ++produced;
    return common::StatusOr<db::StoredResponse>(db::StoredResponse{201, {{"number", "K-000018"}}});
  });
  REQUIRE(once.ok());
  CHECK(once->body == kCreated.body);
  CHECK(produced == 0);
}

TEST_CASE_METHOD(Answered, "another request under a used key is a conflict, and keys are each caller's own",
                 "[db]") {
  auto claim = scratch.store.Claim(work, "38001010008", "key-1", "hash-b");
  REQUIRE_FALSE(claim.ok());
  CHECK(claim.status().code() == common::StatusCode::kAlreadyExists);
  CHECK(claim.status().reason() == "conflict");
  CHECK(claim.status().message().key == "db.idempotency_key_reused");
  auto other_caller = scratch.store.Claim(work, "49102030219", "key-1", "hash-b");
  REQUIRE(other_caller.ok());
  CHECK(other_caller->first);
}

TEST_CASE("a second transaction with the same key waits for the first and gets its committed answer",
          "[db]") {
  Scratch scratch;
  pqxx::connection first_connection(testing::AdminDsn());
  pqxx::connection second_connection(testing::AdminDsn());
  pqxx::work first(first_connection);
  auto claim = scratch.store.Claim(first, "38001010008", "key-1", "hash-a");
  REQUIRE(claim.ok());
  REQUIRE(claim->first);

  const int second_pid = second_connection.backendpid();
  auto second = std::async(std::launch::async, [&] {
    pqxx::work work(second_connection);
    auto answer = scratch.store.Once(work, "38001010008", std::string("key-1"), "hash-a", [] {
      return common::StatusOr<db::StoredResponse>(db::StoredResponse{201, {{"number", "K-000099"}}});
    });
    work.commit();
    return answer;
  });
  // It is blocked on the key's row, not answered with anything half-done.
  REQUIRE(WaitsOnLock(second_pid));
  CHECK(second.wait_for(milliseconds(100)) == std::future_status::timeout);

  scratch.store.Save(first, "38001010008", "key-1", kCreated);
  first.commit();
  auto answer = second.get();
  REQUIRE(answer.ok());
  CHECK(answer->status == 201);
  CHECK(answer->body == kCreated.body);  // the first one's, not a second certificate
}

TEST_CASE("when the first transaction rolls back, the waiting one gets the key as its own", "[db]") {
  Scratch scratch;
  pqxx::connection first_connection(testing::AdminDsn());
  pqxx::connection second_connection(testing::AdminDsn());
  auto first = std::make_unique<pqxx::work>(first_connection);
  REQUIRE(scratch.store.Claim(*first, "38001010008", "key-1", "hash-a")->first);

  const int second_pid = second_connection.backendpid();
  auto second = std::async(std::launch::async, [&] {
    pqxx::work work(second_connection);
    auto claim = scratch.store.Claim(work, "38001010008", "key-1", "hash-a");
    bool claimed_first = claim.ok() && claim->first;
    if (claimed_first) {
      scratch.store.Save(work, "38001010008", "key-1", kCreated);
      work.commit();
    }
    return claimed_first;
  });
  REQUIRE(WaitsOnLock(second_pid));
  first->abort();
  CHECK(second.get());
}

TEST_CASE("a refused request gives its claim up, and without a key nothing is kept", "[db]") {
  Scratch scratch;
  pqxx::connection connection(testing::AdminDsn());
  {
    pqxx::work work(connection);
    auto refused = scratch.store.Once(work, "38001010008", std::string("key-1"), "hash-a", [] {
      return common::StatusOr<db::StoredResponse>(
          common::InvalidArgument(common::Msg("db.idempotency_key_invalid")));
    });
    CHECK(refused.status().code() == common::StatusCode::kInvalidArgument);
    work.commit();  // even a caller that commits after a refusal leaves the key free
  }
  {
    pqxx::work work(connection);
    auto corrected = scratch.store.Once(work, "38001010008", std::string("key-1"), "hash-b",
                                        [] { return common::StatusOr<db::StoredResponse>(kCreated); });
    REQUIRE(corrected.ok());
    int produced = 0;
    auto keyless = scratch.store.Once(work, "38001010008", std::nullopt, "hash-c", [&] {
      ++produced;
      return common::StatusOr<db::StoredResponse>(kCreated);
    });
    REQUIRE(keyless.ok());
    CHECK(produced == 1);
    work.commit();
  }
  pqxx::nontransaction read(connection);
  CHECK(read.exec1("SELECT count(*) FROM " + scratch.schema + ".idempotency_keys")[0].as<int>() == 1);
  CHECK(read.exec1("SELECT request_hash FROM " + scratch.schema + ".idempotency_keys")[0].as<std::string>() ==
        "hash-b");
}

TEST_CASE("the certificate table after V008 serves the store, old answers as 201", "[db]") {
  Scratch scratch(true);
  pqxx::connection connection(testing::AdminDsn());
  {
    // What services/certificate/src/db/sql.hpp's three statements do today.
    pqxx::work work(connection);
    work.exec_params(
        "INSERT INTO " + scratch.schema +
            ".idempotency_keys (caller, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        "38001010008", "old-key", "hash-a");
    work.exec_params("UPDATE " + scratch.schema +
                         ".idempotency_keys SET response_body = $3::jsonb WHERE caller = $1 AND key = $2",
                     "38001010008", "old-key", kCreated.body.dump());
    work.commit();
  }
  pqxx::work work(connection);
  auto old = scratch.store.Claim(work, "38001010008", "old-key", "hash-a");
  REQUIRE(old.ok());
  CHECK_FALSE(old->first);
  CHECK(old->answer.status == 201);
  CHECK(old->answer.body == kCreated.body);
  auto fresh = scratch.store.Once(work, "38001010008", std::string("new-key"), "hash-b", [] {
    return common::StatusOr<db::StoredResponse>(db::StoredResponse{200, {{"count", 0}}});
  });
  REQUIRE(fresh.ok());
  auto again = scratch.store.Claim(work, "38001010008", "new-key", "hash-b");
  REQUIRE(again.ok());
  CHECK(again->answer.status == 200);
}

TEST_CASE("saving without a claim is a bug, and so is a schema that is not a plain identifier", "[db]") {
  Scratch scratch;
  pqxx::connection connection(testing::AdminDsn());
  pqxx::work work(connection);
  CHECK_THROWS_AS(scratch.store.Save(work, "38001010008", "never-claimed", kCreated), std::logic_error);
  CHECK_THROWS_AS(db::IdempotencyStore("certificate; DROP TABLE x"), std::invalid_argument);
  CHECK_THROWS_AS(db::IdempotencyStore("Certificate"), std::invalid_argument);
  CHECK_THROWS_AS(db::IdempotencyStore(""), std::invalid_argument);
}
