// The transactional outbox: an event is written in the same database transaction as the change
// it reports, and the relay publishes it later. Tables: <schema>.outbox (see each service's V001).
#pragma once

#include <pqxx/pqxx>
#include <string>

#include "kutse/bus/cloud_event.hpp"

namespace kutse::bus {

void EnqueueEvent(pqxx::work& work, const std::string& schema, const CloudEvent& event);

}  // namespace kutse::bus
