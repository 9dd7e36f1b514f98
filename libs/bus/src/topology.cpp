#include "kutse/bus/topology.hpp"

#include <stdexcept>

namespace kutse::bus {

std::string QueueName(const std::string& service) {
  return service + ".events";
}

std::string RetryQueueName(const std::string& service, int attempt) {
  return QueueName(service) + ".retry." + std::to_string(attempt);
}

std::string DeadLetterQueueName(const std::string& service) {
  return QueueName(service) + ".dead";
}

void DeclareEventExchange(BrokerConnection& connection, QueueType queue_type) {
  QueueOptions unroutable;
  unroutable.type = queue_type;
  connection.DeclareExchange(kUnroutableExchange, "fanout");
  connection.DeclareQueue(kUnroutableQueue, unroutable);
  connection.Bind(kUnroutableQueue, kUnroutableExchange, "");
  connection.DeclareExchange(kEventExchange, "topic", std::string(kUnroutableExchange));
}

void DeclareConsumerQueues(BrokerConnection& connection, const std::string& service,
                           const std::vector<std::string>& event_types,
                           const std::vector<int>& retry_delays_ms, QueueType queue_type) {
  if (retry_delays_ms.size() != static_cast<size_t>(kRetryTiers)) {
    throw std::invalid_argument("one retry delay per tier is needed");
  }
  DeclareEventExchange(connection, queue_type);
  QueueOptions plain;
  plain.type = queue_type;
  const std::string queue = QueueName(service);
  connection.DeclareQueue(queue, plain);
  for (const auto& type : event_types) {
    connection.Bind(queue, kEventExchange, type);
  }
  // A message waits in retry queue N for its delay, then the broker dead-letters it back to the
  // service's queue through the default exchange.
  for (int attempt = 1; attempt <= kRetryTiers; ++attempt) {
    QueueOptions options = plain;
    options.message_ttl_ms = retry_delays_ms[static_cast<size_t>(attempt - 1)];
    options.dead_letter_exchange = "";
    options.dead_letter_routing_key = queue;
    connection.DeclareQueue(RetryQueueName(service, attempt), options);
  }
  connection.DeclareQueue(DeadLetterQueueName(service), plain);
}

}  // namespace kutse::bus
