// Publishes what the outbox holds, in order of writing, with publisher confirms, and marks it
// published in the same transaction that locked it. Rows are taken FOR UPDATE SKIP LOCKED, so any
// number of replicas can relay at once without publishing a row twice in the normal case; after a
// crash between confirm and commit a row is published again and the consumers' inbox drops it.
// Given a DSN, it also LISTENs for the outbox's announcements (outbox.hpp) and wakes at once; the
// poll stays, for whatever is written while the listening connection is down.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "kutse/bus/amqp_url.hpp"
#include "kutse/bus/broker_connection.hpp"
#include "kutse/db/listener.hpp"
#include "kutse/db/pool.hpp"

namespace kutse::bus {

struct RelayOptions {
  AmqpUrl url;
  std::string schema;
  int heartbeat_seconds = 30;
  int batch_size = 200;
  std::chrono::milliseconds idle_poll{100};
  std::string dsn;                             // for the listening connection; empty: poll only
  QueueType queue_type = QueueType::kClassic;  // of the unroutable queue it declares
};

class OutboxRelay {
 public:
  OutboxRelay(db::Pool& pool, RelayOptions options);
  ~OutboxRelay();

  void Start();
  void Stop();
  bool Connected() const { return connected_.load(); }

 private:
  void Run();
  void StartListening();
  void Announced();
  // Returns when something was announced since the last call, at Stop, or after `at_most`.
  void WaitForAnnouncement(std::chrono::milliseconds at_most);

  db::Pool& pool_;
  RelayOptions options_;
  std::atomic<bool> running_{false};
  std::atomic<bool> connected_{false};
  std::mutex announced_mutex_;
  std::condition_variable announced_cv_;
  bool announced_ = false;
  std::unique_ptr<db::Listener> listener_;
  std::thread thread_;
};

}  // namespace kutse::bus
