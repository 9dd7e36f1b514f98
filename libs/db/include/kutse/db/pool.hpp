// A fixed-size pool of libpqxx connections (a connection is not thread-safe; libpqxx has no pool).
// Each new connection gets the service's prepared statements. A broken connection is replaced, and
// a transaction is retried on serialization failures, deadlocks and broken connections.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace kutse::db {

// The database could not be reached in time; handlers answer 503.
class Unavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using Statements = std::vector<std::pair<std::string, std::string>>;  // name, SQL

struct PoolOptions {
  std::string dsn;
  size_t size = 8;
  std::chrono::milliseconds acquire_timeout{5000};
  Statements statements;
};

class Pool {
 public:
  explicit Pool(PoolOptions options);
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  // Runs fn(pqxx::work&) and commits; retried up to `attempts` times on transient failures, so fn
  // must have no effects outside the transaction.
  template <typename Fn>
  auto Transaction(Fn&& fn, int attempts = 4) -> decltype(fn(std::declval<pqxx::work&>()));

  // Runs fn(pqxx::nontransaction&) for single reads without BEGIN/COMMIT; retried on broken connections.
  template <typename Fn>
  auto Read(Fn&& fn, int attempts = 2) -> decltype(fn(std::declval<pqxx::nontransaction&>()));

  bool Ping();  // SELECT 1, for /readyz
  size_t Size() const { return options_.size; }

 private:
  class Lease {
   public:
    Lease(Pool& pool, std::unique_ptr<pqxx::connection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    ~Lease() { pool_.Release(std::move(connection_), broken_); }
    pqxx::connection& operator*() { return *connection_; }
    void MarkBroken() { broken_ = true; }

   private:
    Pool& pool_;
    std::unique_ptr<pqxx::connection> connection_;
    bool broken_ = false;
  };

  // Runs fn(connection) with a pooled connection; a broken connection is dropped, and transient
  // failures are tried again up to `attempts` times in all.
  template <typename Fn>
  auto WithRetries(int attempts, Fn&& fn) -> decltype(fn(std::declval<pqxx::connection&>()));
  std::unique_ptr<pqxx::connection> Acquire();
  void Release(std::unique_ptr<pqxx::connection> connection, bool broken);
  std::unique_ptr<pqxx::connection> Connect() const;
  static bool IsRetryable(const std::exception& error, bool& broken);

  PoolOptions options_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  size_t open_ = 0;
};

template <typename Fn>
auto Pool::WithRetries(int attempts, Fn&& fn) -> decltype(fn(std::declval<pqxx::connection&>())) {
  for (int attempt = 1;; ++attempt) {
    Lease lease(*this, Acquire());
    try {
      return fn(*lease);
    } catch (const std::exception& error) {
      bool broken = false;
      bool retry = IsRetryable(error, broken) && attempt < attempts;
      if (broken) {
        lease.MarkBroken();
      }
      if (!retry) {
        throw;
      }
    }
  }
}

template <typename Fn>
auto Pool::Transaction(Fn&& fn, int attempts) -> decltype(fn(std::declval<pqxx::work&>())) {
  return WithRetries(attempts, [&](pqxx::connection& connection) {
    pqxx::work work(connection);
    if constexpr (std::is_void_v<decltype(fn(work))>) {
      fn(work);
      work.commit();
    } else {
      auto result = fn(work);
      work.commit();
      return result;
    }
  });
}

template <typename Fn>
auto Pool::Read(Fn&& fn, int attempts) -> decltype(fn(std::declval<pqxx::nontransaction&>())) {
  return WithRetries(attempts, [&](pqxx::connection& connection) {
    pqxx::nontransaction read(connection);
    return fn(read);
  });
}

}  // namespace kutse::db
