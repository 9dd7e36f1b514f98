// The transactional outbox: an event is written in the same database transaction as the change
// it reports, and the relay publishes it later. Tables: <schema>.outbox (see each service's V001).
#pragma once

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "kutse/bus/cloud_event.hpp"

namespace kutse::bus {

void EnqueueEvent(pqxx::work& work, const std::string& schema, const CloudEvent& event);
// Many events in one statement, in the order given (a batch of 10,000 certificates is one round trip).
void EnqueueEvents(pqxx::work& work, const std::string& schema, const std::vector<CloudEvent>& events);

}  // namespace kutse::bus
