#include "kutse/bus/outbox.hpp"

namespace kutse::bus {

void EnqueueEvent(pqxx::work& work, const std::string& schema, const CloudEvent& event) {
  work.exec_params(
      "INSERT INTO " + schema + ".outbox (id, type, subject, envelope) VALUES ($1::uuid, $2, $3, $4::jsonb)",
      event.id, event.type, event.subject, event.ToJson().dump());
}

}  // namespace kutse::bus
