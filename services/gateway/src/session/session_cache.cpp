#include "session/session_cache.hpp"

#include <pqxx/pqxx>

#include "kutse/common/interruptible_sleep.hpp"
#include "kutse/common/log.hpp"

namespace kutse::gateway {
namespace {

constexpr size_t kMaxEntries = 100000;

class EndedSessions : public pqxx::notification_receiver {
 public:
  EndedSessions(pqxx::connection& connection, SessionCache& cache)
      : pqxx::notification_receiver(connection, kSessionEndedChannel), cache_(cache) {}
  void operator()(const std::string& payload, int) override { cache_.Evict(payload); }

 private:
  SessionCache& cache_;
};

class ChangedRoles : public pqxx::notification_receiver {
 public:
  ChangedRoles(pqxx::connection& connection, SessionCache& cache)
      : pqxx::notification_receiver(connection, kRolesChangedChannel), cache_(cache) {}
  void operator()(const std::string& payload, int) override { cache_.EvictPerson(payload); }

 private:
  SessionCache& cache_;
};

}  // namespace

SessionCache::~SessionCache() {
  running_ = false;
  if (listener_.joinable()) {
    listener_.join();
  }
}

std::optional<Session> SessionCache::Get(const std::string& id_hash) {
  if (time_to_live_.count() == 0) {
    return std::nullopt;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = entries_.find(id_hash);
  if (found == entries_.end()) {
    return std::nullopt;
  }
  if (std::chrono::steady_clock::now() >= found->second.second) {
    entries_.erase(found);
    return std::nullopt;
  }
  return found->second.first;
}

void SessionCache::Put(const std::string& id_hash, const Session& session, uint64_t read_at_generation) {
  if (time_to_live_.count() == 0) {
    return;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (generation_.load() != read_at_generation) {
    return;  // an eviction came in while the session was being read: the copy may be stale
  }
  if (entries_.size() >= kMaxEntries) {
    entries_.clear();
  }
  entries_[id_hash] = {session, std::chrono::steady_clock::now() + time_to_live_};
}

void SessionCache::Evict(const std::string& id_hash) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++generation_;
  entries_.erase(id_hash);
}

void SessionCache::EvictPerson(const std::string& personal_code) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++generation_;
  for (auto entry = entries_.begin(); entry != entries_.end();) {
    entry = entry->second.first.personal_code == personal_code ? entries_.erase(entry) : std::next(entry);
  }
}

void SessionCache::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++generation_;
  entries_.clear();
}

void SessionCache::StartListening(const std::string& dsn) {
  running_ = true;
  listener_ = std::thread([this, dsn] { Listen(dsn); });
}

void SessionCache::Listen(const std::string& dsn) {
  while (running_) {
    try {
      pqxx::connection connection(dsn);
      EndedSessions ended(connection, *this);
      ChangedRoles changed(connection, *this);
      // Anything ended while we were not listening is unknown: start from an empty cache.
      Clear();
      while (running_) {
        connection.await_notification(1, 0);
      }
    } catch (const std::exception& error) {
      Clear();
      common::log::Warn("session listener lost its database connection; retrying", {{"error", error.what()}});
      common::SleepWhileRunning(running_, std::chrono::seconds(1));
    }
  }
}

}  // namespace kutse::gateway
