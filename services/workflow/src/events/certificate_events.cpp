#include "events/certificate_events.hpp"

#include "app/record_decision_refused.hpp"
#include "app/record_duplicate_issued.hpp"

namespace kutse::workflow {
namespace {

std::optional<std::string> Text(const nlohmann::json& data, const char* key) {
  if (!data.is_object() || !data.contains(key) || !data[key].is_string()) {
    return std::nullopt;
  }
  return data[key].get<std::string>();
}

common::Status Unreadable(const bus::CloudEvent& event, const char* member) {
  return common::InvalidArgument(common::Msg("event.unreadable", {{"type", event.type}, {"member", member}}));
}

}  // namespace

common::Status OnCertificateIssued(pqxx::work& work, const common::Clock& clock,
                                   const bus::CloudEvent& event) {
  auto duplicate_of = Text(event.data, "duplicate_of");
  if (!duplicate_of) {
    return common::OkStatus();  // a new certificate: no request of ours waits for it
  }
  auto number = Text(event.data, "certificate_number");
  if (!number) {
    return Unreadable(event, "certificate_number");
  }
  return app::RecordDuplicateIssued(work, clock, {*number, *duplicate_of}, event.correlationid);
}

common::Status OnRequestRefused(pqxx::work& work, const common::Clock& clock, const bus::CloudEvent& event) {
  auto request_id = Text(event.data, "request_id");
  auto code = Text(event.data, "code");
  const nlohmann::json message =
      event.data.is_object() && event.data.contains("message") ? event.data["message"] : nlohmann::json();
  auto et = Text(message, "et");
  auto en = Text(message, "en");
  if (!request_id || !code || !et || !en) {
    return Unreadable(event, !request_id ? "request_id" : !code ? "code" : "message");
  }
  DecisionRefusal refusal{*code, Text(event.data, "message_key").value_or(""), *et, *en,
                          Text(event.data, "refused_at").value_or(event.time)};
  return app::RecordDecisionRefused(work, clock, {*request_id, std::move(refusal)}, event.correlationid);
}

}  // namespace kutse::workflow
