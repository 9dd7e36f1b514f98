// Publishes what the outbox holds, in order of writing, with publisher confirms, and marks it
// published in the same transaction that locked it. Rows are taken FOR UPDATE SKIP LOCKED, so any
// number of replicas can relay at once without publishing a row twice in the normal case; after a
// crash between confirm and commit a row is published again and the consumers' inbox drops it.
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "kutse/bus/amqp_url.hpp"
#include "kutse/bus/broker_connection.hpp"
#include "kutse/db/pool.hpp"

namespace kutse::bus {

struct RelayOptions {
  AmqpUrl url;
  std::string schema;
  int heartbeat_seconds = 30;
  int batch_size = 200;
  std::chrono::milliseconds idle_poll{100};
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

  db::Pool& pool_;
  RelayOptions options_;
  std::atomic<bool> running_{false};
  std::atomic<bool> connected_{false};
  std::thread thread_;
};

}  // namespace kutse::bus
