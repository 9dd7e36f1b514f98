// Fills a NameIndex from the database and keeps it current: a db::Listener LISTENs on channel
// kutse_public_search (announced by the triggers of migrations/V007), loads every published name
// in one snapshot, then applies each announced change. Every replica runs one. A lost connection
// means changes may have been missed: the index is not used until it is loaded anew.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "kutse/db/listener.hpp"
#include "search/name_index.hpp"

namespace kutse::certificate::search {

inline constexpr const char* kPublicSearchChannel = "kutse_public_search";

class NameIndexFeed {
 public:
  explicit NameIndexFeed(std::string dsn);
  ~NameIndexFeed();
  NameIndexFeed(const NameIndexFeed&) = delete;
  NameIndexFeed& operator=(const NameIndexFeed&) = delete;

  void Start();
  void Stop();

  // Loaded, and listening since before the load: the index holds every change up to
  // AppliedVersion() (certificate.public_search_version_seq).
  bool Usable() const { return usable_.load(); }
  long long AppliedVersion() const { return applied_version_.load(); }
  const NameIndex& Index() const { return index_; }

  // Called by the listener: one announcement's payload.
  void Queue(const std::string& payload) { queued_.push_back(payload); }

 private:
  void Lost();
  void Reload(pqxx::connection& connection);
  void ApplyQueued(pqxx::connection& connection);
  void AdvanceVersion(pqxx::connection& connection);
  void RaiseVersion(long long version);

  std::string dsn_;
  NameIndex index_;
  std::atomic<bool> usable_{false};
  std::atomic<long long> applied_version_{0};
  std::atomic<double> last_load_seconds_{0};
  std::vector<std::string> queued_;  // only the listener's thread touches it
  long long last_seen_version_ = 0;
  std::chrono::steady_clock::time_point next_version_check_{};
  std::unique_ptr<db::Listener> listener_;
};

}  // namespace kutse::certificate::search
