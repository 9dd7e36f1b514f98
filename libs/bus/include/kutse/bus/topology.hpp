// The names on the bus and who declares what. Every service declares the event exchange (with an
// alternate exchange, so an event nobody is bound to yet is parked, not dropped); a consuming
// service declares its own queue, three delayed-retry queues and a dead-letter queue.
#pragma once

#include <string>
#include <vector>

#include "kutse/bus/broker_connection.hpp"

namespace kutse::bus {

inline constexpr const char* kEventExchange = "kutse.events";
inline constexpr const char* kUnroutableExchange = "kutse.unroutable";
inline constexpr const char* kUnroutableQueue = "kutse.unroutable";
inline constexpr int kRetryTiers = 3;
// Back-off of the three retry tiers; tests use shorter ones on queues of their own.
inline const std::vector<int> kDefaultRetryDelaysMs = {1000, 10000, 60000};

std::string QueueName(const std::string& service);                    // notification.events
std::string RetryQueueName(const std::string& service, int attempt);  // notification.events.retry.1
std::string DeadLetterQueueName(const std::string& service);          // notification.events.dead

// Every queue of the deployment has the same type (KUTSE_AMQP_QUEUE_TYPE), the shared unroutable
// queue included: the first service to declare it fixes its type for all.
void DeclareEventExchange(BrokerConnection& connection, QueueType queue_type = QueueType::kClassic);
void DeclareConsumerQueues(BrokerConnection& connection, const std::string& service,
                           const std::vector<std::string>& event_types,
                           const std::vector<int>& retry_delays_ms = kDefaultRetryDelaysMs,
                           QueueType queue_type = QueueType::kClassic);

}  // namespace kutse::bus
