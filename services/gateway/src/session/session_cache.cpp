#include "session/session_cache.hpp"

namespace kutse::gateway {
namespace {

constexpr size_t kMaxEntries = 100000;

}  // namespace

SessionCache::~SessionCache() {
  listener_.reset();
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
  db::ListenerOptions options;
  options.dsn = dsn;
  options.channels = {kSessionEndedChannel, kRolesChangedChannel};
  options.first_backoff = std::chrono::seconds(1);
  db::ListenerCallbacks callbacks;
  callbacks.on_notification = [this](const db::Notification& notification) { Announced(notification); };
  // Anything ended while we were not listening is unknown: start from an empty cache.
  callbacks.on_connect = [this](pqxx::connection&) { Clear(); };
  callbacks.on_reconnect = [this](pqxx::connection&) { Clear(); };
  callbacks.on_disconnect = [this] { Clear(); };
  listener_ = std::make_unique<db::Listener>(std::move(options), std::move(callbacks));
  listener_->Start();
}

void SessionCache::Announced(const db::Notification& notification) {
  if (notification.channel == kSessionEndedChannel) {
    Evict(notification.payload);
  } else if (notification.channel == kRolesChangedChannel) {
    EvictPerson(notification.payload);
  }
}

}  // namespace kutse::gateway
