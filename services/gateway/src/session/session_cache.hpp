// A short-lived in-memory copy of sessions, so most requests need no database read, kept honest
// across gateway replicas: a session that ends anywhere is announced with NOTIFY and dropped here
// at once. The time limit is only a backstop for a missed notification.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "kutse/db/listener.hpp"
#include "session/session.hpp"

namespace kutse::gateway {

inline constexpr const char* kSessionEndedChannel = "kutse_session_ended";  // payload: session id hash
inline constexpr const char* kRolesChangedChannel = "kutse_roles_changed";  // payload: personal code

class SessionCache {
 public:
  explicit SessionCache(std::chrono::milliseconds time_to_live) : time_to_live_(time_to_live) {}
  ~SessionCache();

  std::optional<Session> Get(const std::string& id_hash);
  // Changes with every eviction: read it before reading a session from the database, and Put
  // keeps the session only if nothing was evicted meanwhile (it might have been this one).
  uint64_t Generation() const { return generation_.load(); }
  void Put(const std::string& id_hash, const Session& session, uint64_t read_at_generation);
  void Evict(const std::string& id_hash);
  void EvictPerson(const std::string& personal_code);  // after a role change
  void Clear();

  // LISTENs on both channels with a connection of its own (db::Listener); while it is not
  // listening, evictions may be missed, so the cache starts empty on every connect and drop.
  void StartListening(const std::string& dsn);

 private:
  void Announced(const db::Notification& notification);

  std::chrono::milliseconds time_to_live_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::pair<Session, std::chrono::steady_clock::time_point>> entries_;
  std::atomic<uint64_t> generation_{0};
  std::unique_ptr<db::Listener> listener_;  // last: stopped before the entries it clears go away
};

}  // namespace kutse::gateway
