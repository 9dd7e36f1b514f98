#include "kutse/bus/dead_letter_replay.hpp"

#include "kutse/bus/broker_connection.hpp"
#include "kutse/bus/topology.hpp"

namespace kutse::bus {

int ReplayDeadLetters(const AmqpUrl& url, const std::string& service, std::chrono::milliseconds quiet) {
  BrokerConnection source(url, 30);
  BrokerConnection target(url, 30);
  target.EnableConfirms();
  source.StartConsuming(DeadLetterQueueName(service), 1);
  int moved = 0;
  while (auto delivery = source.NextDelivery(quiet)) {
    OutgoingMessage message{"", QueueName(service), delivery->body, "", delivery->routing_key, {}, {}};
    target.PublishConfirmed({message}, std::chrono::milliseconds(10000));
    source.Ack(delivery->delivery_tag);
    ++moved;
  }
  return moved;
}

}  // namespace kutse::bus
