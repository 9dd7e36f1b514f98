// One AMQP connection with one channel, owned by one thread (rabbitmq-c is not thread-safe).
// Every failure throws BrokerError; the owner drops the object and reconnects.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "kutse/bus/amqp_url.hpp"

namespace kutse::bus {

class BrokerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct OutgoingMessage {
  std::string exchange;
  std::string routing_key;
  std::string body;
  std::string message_id;
  std::string type;
  std::map<std::string, int> int_headers;
  std::map<std::string, std::string> text_headers;
};

struct Delivery {
  uint64_t delivery_tag = 0;
  std::string routing_key;
  std::string body;
  std::map<std::string, int> int_headers;
};

// Classic queues live on one node; quorum queues are replicated across the cluster's nodes (Raft) and
// survive the loss of a minority of them, which production needs. A queue keeps the type it was
// declared with: changing it means a new queue, so a deployment chooses once.
enum class QueueType { kClassic, kQuorum };

struct QueueOptions {
  QueueType type = QueueType::kClassic;
  std::optional<int> message_ttl_ms;
  std::optional<std::string> dead_letter_exchange;
  std::optional<std::string> dead_letter_routing_key;
};

class BrokerConnection {
 public:
  BrokerConnection(const AmqpUrl& url, int heartbeat_seconds);
  ~BrokerConnection();
  BrokerConnection(const BrokerConnection&) = delete;
  BrokerConnection& operator=(const BrokerConnection&) = delete;

  void DeclareExchange(const std::string& name, const std::string& type,
                       const std::optional<std::string>& alternate_exchange = std::nullopt);
  void DeclareQueue(const std::string& name, const QueueOptions& options = {});
  void Bind(const std::string& queue, const std::string& exchange, const std::string& routing_key);
  // Messages ready in an existing queue (a passive declare); for the lag metrics.
  long QueueDepth(const std::string& queue);

  // Publisher confirms: after this, PublishConfirmed waits for the broker's ack of every message.
  void EnableConfirms();
  // Publishes persistent, mandatory messages; returns when all are confirmed. Throws on a nack,
  // an unroutable return, or no confirmation within the timeout.
  void PublishConfirmed(const std::vector<OutgoingMessage>& messages, std::chrono::milliseconds timeout);

  void StartConsuming(const std::string& queue, int prefetch);
  std::optional<Delivery> NextDelivery(std::chrono::milliseconds timeout);
  void Ack(uint64_t delivery_tag);
  // Lets rabbitmq-c send and check heartbeats while the owner has nothing else to do.
  void ServiceHeartbeats();

 private:
  void Open(const AmqpUrl& url, int heartbeat_seconds);

  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace kutse::bus
