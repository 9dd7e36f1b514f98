#include "kutse/bus/outbox.hpp"

namespace kutse::bus {
namespace {

// The insert and its announcement in one round trip: pg_notify runs once per inserted row, and
// PostgreSQL folds equal notifications of one transaction into one.
std::string AnnouncingInsert(const std::string& schema, const std::string& insert) {
  return "WITH written AS (" + insert + " RETURNING 1) SELECT pg_notify('" + OutboxChannel(schema) +
         "', '') FROM written";
}

}  // namespace

std::string OutboxChannel(const std::string& schema) {
  return schema + "_outbox";
}

void EnqueueEvent(pqxx::work& work, const std::string& schema, const CloudEvent& event) {
  work.exec_params(
      AnnouncingInsert(schema,
                       "INSERT INTO " + schema +
                           ".outbox (id, type, subject, envelope) VALUES ($1::uuid, $2, $3, $4::jsonb)"),
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
      AnnouncingInsert(schema,
                       "INSERT INTO " + schema +
                           ".outbox (id, type, subject, envelope) SELECT (e->>'id')::uuid, e->>'type', "
                           "e->>'subject', e->'envelope' FROM jsonb_array_elements($1::jsonb) WITH "
                           "ORDINALITY AS rows(e, n) ORDER BY n"),
      rows.dump());
}

}  // namespace kutse::bus
