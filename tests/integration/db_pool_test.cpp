// The pool against the real PostgreSQL the test command started.
#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "kutse/db/pool.hpp"
#include "support/test_env.hpp"

using namespace kutse;

TEST_CASE("prepared statements work on every pooled connection, from many threads", "[db]") {
  db::Pool pool(db::PoolOptions{
      testing::AdminDsn(), 2, std::chrono::milliseconds(5000), {{"add", "SELECT $1::int + $2::int"}}});
  std::atomic<int> total{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        total += pool.Read(
            [](pqxx::nontransaction& read) { return read.exec_prepared1("add", 1, 1)[0].as<int>(); });
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  REQUIRE(total == 600);
}

TEST_CASE("a connection killed under the pool is replaced and the read retried", "[db]") {
  db::Pool pool(db::PoolOptions{testing::AdminDsn(), 1, std::chrono::milliseconds(5000), {}});
  int pid = pool.Read(
      [](pqxx::nontransaction& read) { return read.exec1("SELECT pg_backend_pid()")[0].as<int>(); });
  pqxx::connection admin(testing::AdminDsn());
  pqxx::nontransaction(admin).exec_params("SELECT pg_terminate_backend($1)", pid);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  int new_pid = pool.Read(
      [](pqxx::nontransaction& read) { return read.exec1("SELECT pg_backend_pid()")[0].as<int>(); });
  REQUIRE(new_pid != pid);
}

TEST_CASE("a serialization failure is retried, other errors are not", "[db]") {
  db::Pool pool(db::PoolOptions{testing::AdminDsn(), 1, std::chrono::milliseconds(5000), {}});
  int attempts = 0;
  int result = pool.Transaction([&](pqxx::work& work) {
    ++attempts;
    if (attempts == 1) {
      throw pqxx::serialization_failure("could not serialize access");
    }
    return work.exec1("SELECT 7")[0].as<int>();
  });
  REQUIRE(result == 7);
  REQUIRE(attempts == 2);
  attempts = 0;
  REQUIRE_THROWS_AS(pool.Transaction([&](pqxx::work& work) {
    ++attempts;
    work.exec("SELECT * FROM no_such_table_anywhere");
  }),
                    pqxx::sql_error);
  REQUIRE(attempts == 1);
}

TEST_CASE("an unreachable database is reported as unavailable without the DSN", "[db]") {
  db::Pool pool(db::PoolOptions{"host=127.0.0.1 port=1 user=x password=topsecret connect_timeout=1",
                                1,
                                std::chrono::milliseconds(500),
                                {}});
  try {
    pool.Read([](pqxx::nontransaction& read) { return read.exec1("SELECT 1")[0].as<int>(); });
    FAIL("no error");
  } catch (const db::Unavailable& error) {
    REQUIRE(std::string(error.what()).find("topsecret") == std::string::npos);
  }
  REQUIRE_FALSE(pool.Ping());
}
