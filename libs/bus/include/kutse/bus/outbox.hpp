// The transactional outbox: an event is written in the same database transaction as the change
// it reports, and the relay publishes it later. Tables: <schema>.outbox (see each service's V001).
// Each write also NOTIFYs OutboxChannel(schema), which PostgreSQL delivers at commit (and once per
// transaction however many events it wrote), so a listening relay publishes at once instead of at
// its next poll.
#pragma once

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "kutse/bus/cloud_event.hpp"

namespace kutse::bus {

// The LISTEN/NOTIFY channel on which a write to <schema>.outbox is announced: "<schema>_outbox".
std::string OutboxChannel(const std::string& schema);

void EnqueueEvent(pqxx::work& work, const std::string& schema, const CloudEvent& event);
// Many events in one statement, in the order given (a batch of 10,000 certificates is one round trip).
void EnqueueEvents(pqxx::work& work, const std::string& schema, const std::vector<CloudEvent>& events);

}  // namespace kutse::bus
