#include "kutse/bus/outbox.hpp"

namespace kutse::bus {

void EnqueueEvent(pqxx::work& work, const std::string& schema, const CloudEvent& event) {
  work.exec_params(
      "INSERT INTO " + schema + ".outbox (id, type, subject, envelope) VALUES ($1::uuid, $2, $3, $4::jsonb)",
      event.id, event.type, event.subject, event.ToJson().dump());
}

void EnqueueEvents(pqxx::work& work, const std::string& schema, const std::vector<CloudEvent>& events) {
  if (events.empty()) {
    return;
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& event : events) {
    rows.push_back(
        {{"id", event.id}, {"type", event.type}, {"subject", event.subject}, {"envelope", event.ToJson()}});
  }
  work.exec_params(
      "INSERT INTO " + schema +
          ".outbox (id, type, subject, envelope) SELECT (e->>'id')::uuid, e->>'type', e->>'subject', "
          "e->'envelope' FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS rows(e, n) ORDER BY n",
      rows.dump());
}

}  // namespace kutse::bus
