#include "search/name_index_feed.hpp"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "db/sql.hpp"
#include "kutse/common/log.hpp"
#include "kutse/common/metrics.hpp"

namespace kutse::certificate::search {
namespace {

constexpr int kLoadPage = 50000;
// More announcements than this at once (a bulk load): loading anew is cheaper than applying each.
constexpr size_t kMaxQueued = 20000;
// More names outside the index's bulk than this: build the whole index anew.
constexpr size_t kMaxPending = 20000;
constexpr auto kVersionCheck = std::chrono::seconds(1);

long long CurrentVersion(pqxx::connection& connection) {
  pqxx::nontransaction read(connection);
  return read.exec(sql::kPublicSearchVersionText)[0][0].as<long long>();
}

}  // namespace

NameIndexFeed::NameIndexFeed(std::string dsn) : dsn_(std::move(dsn)) {
  auto& metrics = common::MetricsRegistry::Default();
  metrics.GaugeCallback("kutse_public_name_index_certificates",
                        "Published certificates in this replica's in-memory name index",
                        [this] { return static_cast<double>(index_.Size()); });
  metrics.GaugeCallback("kutse_public_name_index_bytes", "Heap held by this replica's in-memory name index",
                        [this] { return static_cast<double>(index_.MemoryBytes()); });
  metrics.GaugeCallback(
      "kutse_public_name_index_version",
      "The latest change (certificate.public_search_version_seq) this replica's name index holds",
      [this] { return static_cast<double>(applied_version_.load()); });
  metrics.GaugeCallback("kutse_public_name_index_load_seconds",
                        "How long this replica's last full load of its name index took",
                        [this] { return last_load_seconds_.load(); });
}

NameIndexFeed::~NameIndexFeed() {
  Stop();
}

void NameIndexFeed::Start() {
  db::ListenerOptions options;
  options.dsn = dsn_;
  options.channels = {kPublicSearchChannel};
  // Named, so that an operator (or a test) can find this connection among the pool's.
  options.application_name = "kutse-public-name-index";
  options.tick = std::chrono::milliseconds(200);
  options.first_backoff = std::chrono::seconds(1);
  db::ListenerCallbacks callbacks;
  callbacks.on_notification = [this](const db::Notification& notification) { Queue(notification.payload); };
  // Listening from here on: whatever changes after the snapshot Reload takes is announced to us.
  callbacks.on_connect = [this](pqxx::connection& connection) { Reload(connection); };
  callbacks.on_reconnect = [this](pqxx::connection& connection) { Reload(connection); };
  callbacks.on_disconnect = [this] { Lost(); };
  callbacks.after_wait = [this](pqxx::connection& connection) {
    ApplyQueued(connection);
    AdvanceVersion(connection);
  };
  listener_ = std::make_unique<db::Listener>(std::move(options), std::move(callbacks));
  listener_->Start();
}

void NameIndexFeed::Stop() {
  if (listener_) {
    listener_->Stop();
  }
  usable_ = false;
}

void NameIndexFeed::Lost() {
  // Changes announced while we are not listening are lost to us: no searches from the index
  // until it is loaded anew.
  usable_ = false;
  queued_.clear();
}

void NameIndexFeed::Reload(pqxx::connection& connection) {
  auto started = std::chrono::steady_clock::now();
  queued_.clear();  // committed before the snapshot below, so in it
  long long version = CurrentVersion(connection);
  std::vector<IndexedName> entries;
  {
    pqxx::transaction<pqxx::isolation_level::repeatable_read, pqxx::readwrite_policy::read_only> snapshot(
        connection);
    std::string after;
    for (;;) {
      auto rows = snapshot.exec_params(sql::kPublicSearchLoadText, after, kLoadPage);
      for (const auto& row : rows) {
        entries.push_back({row[0].as<std::string>(), row[1].as<std::string>()});
      }
      if (static_cast<int>(rows.size()) < kLoadPage) {
        break;
      }
      after = entries.back().number;
    }
    snapshot.commit();
  }
  index_.Load(std::move(entries));
  RaiseVersion(version);
  last_seen_version_ = version;
  next_version_check_ = std::chrono::steady_clock::now() + kVersionCheck;
  usable_ = true;
  last_load_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  common::log::Info("public name index loaded", {{"certificates", index_.Size()},
                                                 {"bytes", index_.MemoryBytes()},
                                                 {"ms", std::chrono::duration_cast<std::chrono::milliseconds>(
                                                            std::chrono::steady_clock::now() - started)
                                                            .count()}});
}

void NameIndexFeed::ApplyQueued(pqxx::connection& connection) {
  if (queued_.empty()) {
    return;
  }
  std::vector<std::string> batch;
  batch.swap(queued_);
  if (batch.size() > kMaxQueued) {
    Reload(connection);
    return;
  }
  for (const auto& payload : batch) {
    auto change = nlohmann::json::parse(payload, nullptr, false);
    if (!change.is_object() || change.value("reload", false) || !change.contains("number") ||
        !change.contains("published") || !change.contains("name")) {
      // A bulk load, or an announcement this code does not know: start from the database again.
      Reload(connection);
      return;
    }
    index_.Apply(change["number"].get<std::string>(), change["published"].get<bool>(),
                 change["name"].get<std::string>());
    RaiseVersion(change.value("version", 0LL));
  }
  if (index_.PendingChanges() > kMaxPending) {
    Reload(connection);
  }
}

void NameIndexFeed::AdvanceVersion(pqxx::connection& connection) {
  auto now = std::chrono::steady_clock::now();
  if (now < next_version_check_) {
    return;
  }
  next_version_check_ = now + kVersionCheck;
  // A change numbered before the last check and still not announced belongs to a transaction that
  // rolled back (its number is spent all the same) or is still open: it holds the index back no more.
  RaiseVersion(last_seen_version_);
  last_seen_version_ = CurrentVersion(connection);
}

void NameIndexFeed::RaiseVersion(long long version) {
  long long current = applied_version_.load();
  while (version > current && !applied_version_.compare_exchange_weak(current, version)) {
  }
}

}  // namespace kutse::certificate::search
