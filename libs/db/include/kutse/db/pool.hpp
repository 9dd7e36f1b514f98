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

#include "kutse/common/status.hpp"

namespace kutse::db {

// The database could not be reached in time, or stayed too busy to finish a transaction: a Status
// of kUnavailable (503 with Retry-After for a client, a later retry for a consumer). `why` is for the
// log only; the Status carries a text safe to show.
class Unavailable : public common::StatusError {
 public:
  explicit Unavailable(const std::string& why, bool busy = false);
  const char* what() const noexcept override { return why_.c_str(); }

 private:
  std::string why_;
};

// A prepared statement's name beside its SQL, so that a reader of sql.hpp sees both together:
//   inline constexpr db::Statement kFindX{"find_x", "SELECT ... FROM schema.x WHERE id = $1"};
//   tx.exec_prepared(sql::kFindX.name, id);
struct Statement {
  const char* name;
  const char* text;
};
using Statements = std::vector<Statement>;

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
  // must have no effects outside the transaction. When fn returns a Status or StatusOr that is not
  // OK, nothing is committed: a rule that fails halfway leaves no half-written data.
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
  // What is still transient once the attempts are used up becomes Unavailable; anything else goes
  // on as it was (a bug, or a StatusError of the caller's own).
  [[noreturn]] static void RethrowAsStatus(const std::exception& error);

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
        RethrowAsStatus(error);
      }
    }
  }
}

namespace detail {
template <typename T>
struct IsStatusLike : std::false_type {};
template <>
struct IsStatusLike<common::Status> : std::true_type {};
template <typename T>
struct IsStatusLike<common::StatusOr<T>> : std::true_type {};
}  // namespace detail

template <typename Fn>
auto Pool::Transaction(Fn&& fn, int attempts) -> decltype(fn(std::declval<pqxx::work&>())) {
  return WithRetries(attempts, [&](pqxx::connection& connection) {
    pqxx::work work(connection);
    using Result = decltype(fn(work));
    if constexpr (std::is_void_v<Result>) {
      fn(work);
      work.commit();
    } else {
      auto result = fn(work);
      if constexpr (detail::IsStatusLike<Result>::value) {
        if (!result.ok()) {
          return result;  // pqxx::work rolls back when it is destroyed uncommitted
        }
      }
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
