#include "kutse/bus/outbox_relay.hpp"

#include <algorithm>
#include <memory>

#include "kutse/bus/broker_connection.hpp"
#include "kutse/bus/outbox.hpp"
#include "kutse/bus/topology.hpp"
#include "kutse/common/interruptible_sleep.hpp"
#include "kutse/common/log.hpp"
#include "kutse/common/metrics.hpp"

namespace kutse::bus {
namespace {

constexpr std::chrono::milliseconds kConfirmTimeout{10000};

}  // namespace

OutboxRelay::OutboxRelay(db::Pool& pool, RelayOptions options) : pool_(pool), options_(std::move(options)) {
  auto& metrics = common::MetricsRegistry::Default();
  metrics.Describe("outbox_published_total", "counter", "Events published from the outbox and confirmed");
  metrics.Describe("outbox_relay_errors_total", "counter", "Relay failures (broker or database); retried");
}

OutboxRelay::~OutboxRelay() {
  Stop();
}

void OutboxRelay::Start() {
  running_ = true;
  if (!options_.dsn.empty()) {
    StartListening();
  }
  thread_ = std::thread([this] { Run(); });
}

void OutboxRelay::Stop() {
  running_ = false;
  Announced();  // ends a wait at once
  if (thread_.joinable()) {
    thread_.join();
  }
  if (listener_) {
    listener_->Stop();
  }
}

void OutboxRelay::StartListening() {
  db::ListenerOptions options;
  options.dsn = options_.dsn;
  options.channels = {OutboxChannel(options_.schema)};
  options.application_name = "kutse-" + options_.schema + "-outbox-relay";
  db::ListenerCallbacks callbacks;
  callbacks.on_notification = [this](const db::Notification&) { Announced(); };
  // What was written while the connection was not listening waits for a look now, not the poll.
  callbacks.on_connect = [this](pqxx::connection&) { Announced(); };
  callbacks.on_reconnect = [this](pqxx::connection&) { Announced(); };
  listener_ = std::make_unique<db::Listener>(std::move(options), std::move(callbacks));
  listener_->Start();
}

void OutboxRelay::Announced() {
  {
    std::lock_guard<std::mutex> lock(announced_mutex_);
    announced_ = true;
  }
  announced_cv_.notify_one();
}

void OutboxRelay::WaitForAnnouncement(std::chrono::milliseconds at_most) {
  std::unique_lock<std::mutex> lock(announced_mutex_);
  announced_cv_.wait_for(lock, at_most, [this] { return announced_ || !running_.load(); });
  announced_ = false;
}

void OutboxRelay::Run() {
  const std::string select = "SELECT id::text, type, envelope::text FROM " + options_.schema +
                             ".outbox WHERE published_at IS NULL ORDER BY seq LIMIT " +
                             std::to_string(options_.batch_size) + " FOR UPDATE SKIP LOCKED";
  const std::string mark =
      "UPDATE " + options_.schema + ".outbox SET published_at = now() WHERE id = ANY($1::uuid[])";
  std::unique_ptr<BrokerConnection> broker;
  auto backoff = std::chrono::milliseconds(250);
  auto& metrics = common::MetricsRegistry::Default();
  while (running_) {
    try {
      if (!broker) {
        broker = std::make_unique<BrokerConnection>(options_.url, options_.heartbeat_seconds);
        DeclareEventExchange(*broker, options_.queue_type);
        broker->EnableConfirms();
        connected_ = true;
        common::log::Info("outbox relay connected to the broker");
      }
      size_t published = pool_.Transaction(
          [&](pqxx::work& work) -> size_t {
            pqxx::result rows = work.exec(select);
            if (rows.empty()) {
              return 0;
            }
            std::vector<OutgoingMessage> messages;
            std::string ids = "{";
            for (const auto& row : rows) {
              messages.push_back(OutgoingMessage{kEventExchange,
                                                 row[1].as<std::string>(),
                                                 row[2].as<std::string>(),
                                                 row[0].as<std::string>(),
                                                 row[1].as<std::string>(),
                                                 {},
                                                 {}});
              ids += (ids.size() > 1 ? "," : "") + row[0].as<std::string>();
            }
            ids += "}";
            broker->PublishConfirmed(messages, kConfirmTimeout);
            work.exec_params(mark, ids);
            return rows.size();
          },
          1);
      if (published > 0) {
        metrics.Increment("outbox_published_total", {}, static_cast<double>(published));
        continue;  // there may be more waiting
      }
      broker->ServiceHeartbeats();
      backoff = std::chrono::milliseconds(250);
      WaitForAnnouncement(options_.idle_poll);
    } catch (const std::exception& error) {
      metrics.Increment("outbox_relay_errors_total");
      common::log::Warn("outbox relay failed; will retry",
                        {{"error", error.what()}, {"retry_in_ms", backoff.count()}});
      broker.reset();
      connected_ = false;
      common::SleepWhileRunning(running_, backoff);
      backoff = std::min(backoff * 2, std::chrono::milliseconds(5000));
    }
  }
  connected_ = false;
}

}  // namespace kutse::bus
