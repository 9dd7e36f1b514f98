// Operator's replay: moves what waits in a service's dead-letter queue back to its main queue,
// with the attempt count reset, after the cause has been fixed. Each message is republished with
// confirms before it is acked, so a crash in between duplicates (harmless: the inbox) but loses
// nothing.
#pragma once

#include <chrono>
#include <string>

#include "kutse/bus/amqp_url.hpp"

namespace kutse::bus {

// Returns how many messages were moved; stops when the queue stays empty for `quiet`.
int ReplayDeadLetters(const AmqpUrl& url, const std::string& service,
                      std::chrono::milliseconds quiet = std::chrono::milliseconds(1000));

}  // namespace kutse::bus
