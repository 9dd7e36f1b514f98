#include "kutse/db/pool.hpp"

#include "kutse/common/log.hpp"

namespace kutse::db {

Unavailable::Unavailable(const std::string& why, bool busy)
    : common::StatusError(common::Unavailable(common::Msg(busy ? "db.busy" : "db.unavailable"))
                              .WithRetryAfter(std::chrono::seconds(busy ? 1 : 5))),
      why_(why) {}

Pool::Pool(PoolOptions options) : options_(std::move(options)) {
  if (options_.size == 0) {
    throw std::invalid_argument("pool size must be at least 1");
  }
}

Pool::~Pool() = default;

std::unique_ptr<pqxx::connection> Pool::Connect() const {
  try {
    auto connection = std::make_unique<pqxx::connection>(options_.dsn);
    for (const auto& statement : options_.statements) {
      connection->prepare(statement.name, statement.text);
    }
    return connection;
  } catch (const pqxx::broken_connection&) {
    // libpq's message can contain the host and user; keep it out of anything a client sees.
    throw Unavailable("cannot connect to the database");
  }
}

std::unique_ptr<pqxx::connection> Pool::Acquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  auto deadline = std::chrono::steady_clock::now() + options_.acquire_timeout;
  for (;;) {
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
    if (open_ < options_.size) {
      ++open_;
      lock.unlock();
      try {
        return Connect();
      } catch (...) {
        lock.lock();
        --open_;
        available_.notify_one();
        throw;
      }
    }
    if (available_.wait_until(lock, deadline) == std::cv_status::timeout) {
      throw Unavailable("no database connection became free in time");
    }
  }
}

void Pool::Release(std::unique_ptr<pqxx::connection> connection, bool broken) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (broken || !connection || !connection->is_open()) {
    --open_;  // dropped: the next Acquire opens a fresh one
  } else {
    idle_.push_back(std::move(connection));
  }
  available_.notify_one();
}

bool Pool::IsRetryable(const std::exception& error, bool& broken) {
  if (dynamic_cast<const pqxx::broken_connection*>(&error) != nullptr) {
    broken = true;
    return true;
  }
  if (dynamic_cast<const pqxx::in_doubt_error*>(&error) != nullptr) {
    broken = true;
    return false;  // the commit may have happened: retrying could do it twice
  }
  return dynamic_cast<const pqxx::transaction_rollback*>(&error) != nullptr;
}

void Pool::RethrowAsStatus(const std::exception& error) {
  if (dynamic_cast<const pqxx::broken_connection*>(&error) != nullptr) {
    throw Unavailable("the database connection broke and could not be made again");
  }
  if (dynamic_cast<const pqxx::transaction_rollback*>(&error) != nullptr) {
    throw Unavailable("serialization failures or deadlocks on every attempt", true);
  }
  throw;
}

bool Pool::Ping() {
  try {
    return Read([](pqxx::nontransaction& read) { return read.exec1("SELECT 1")[0].as<int>() == 1; });
  } catch (const std::exception&) {
    common::log::Warn("database ping failed");
    return false;
  }
}

}  // namespace kutse::db
