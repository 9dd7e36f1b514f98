// Consumes a service's queue with an idempotent inbox: the event id is recorded in the same
// transaction as the handler's effect, and the message is acked only after that commit. A repeat
// is acked and ignored. A handler's Status decides what happens to an event it could not apply:
// a transient one (common::IsTransient: unavailable, aborted, ...) goes through the delayed retry
// queues, then to the dead-letter queue; any other (the event asks for something the domain
// refuses) goes to the dead-letter queue at once. An operator can inspect and replay it there.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "kutse/bus/amqp_url.hpp"
#include "kutse/bus/broker_connection.hpp"
#include "kutse/bus/cloud_event.hpp"
#include "kutse/common/status.hpp"
#include "kutse/db/pool.hpp"

namespace kutse::bus {

// Applies one event inside the inbox's transaction; a Status that is not OK rolls it back.
using EventHandler = std::function<common::Status(pqxx::work&, const CloudEvent&)>;

struct ConsumerOptions {
  AmqpUrl url;
  std::string service;  // also the schema holding <service>.inbox
  int heartbeat_seconds = 30;
  int prefetch = 32;
  std::vector<int> retry_delays_ms = {1000, 10000, 60000};
  QueueType queue_type = QueueType::kClassic;
};

class EventConsumer {
 public:
  EventConsumer(db::Pool& pool, ConsumerOptions options);
  ~EventConsumer();

  void On(const std::string& event_type, EventHandler handler);  // before Start()
  void Start();
  void Stop();
  bool Connected() const { return connected_.load(); }

 private:
  void Run();
  enum class Outcome { kHandled, kDuplicate, kFailed, kRejected };
  Outcome Handle(const std::string& body, CloudEvent& event) const;

  db::Pool& pool_;
  ConsumerOptions options_;
  std::map<std::string, EventHandler> handlers_;
  std::atomic<bool> running_{false};
  std::atomic<bool> connected_{false};
  std::thread thread_;
};

}  // namespace kutse::bus
