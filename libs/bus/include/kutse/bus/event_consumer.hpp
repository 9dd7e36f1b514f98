// Consumes a service's queue with an idempotent inbox: the event id is recorded in the same
// transaction as the handler's effect, and the message is acked only after that commit. A repeat
// is acked and ignored. A failing handler sends the message through the delayed retry queues,
// then to the dead-letter queue, where an operator can inspect and replay it.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "kutse/bus/amqp_url.hpp"
#include "kutse/bus/cloud_event.hpp"
#include "kutse/db/pool.hpp"

namespace kutse::bus {

using EventHandler = std::function<void(pqxx::work&, const CloudEvent&)>;

// Thrown by a handler when retrying cannot help (the event asks for something the domain refuses):
// the message goes straight to the dead-letter queue instead of through the retry tiers.
class RejectedEvent : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ConsumerOptions {
  AmqpUrl url;
  std::string service;  // also the schema holding <service>.inbox
  int heartbeat_seconds = 30;
  int prefetch = 32;
  std::vector<int> retry_delays_ms = {1000, 10000, 60000};
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
