#include "events/request_events.hpp"

#include "dto/request_data_json.hpp"
#include "kutse/common/json_or_null.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::workflow {
namespace {

// What every request event says about the request itself.
nlohmann::json RequestData(const Request& request) {
  return {{"request_id", request.id},
          {"kind", ToString(request.kind)},
          {"certificate_number", request.certificate_number},
          {"holder_personal_code", request.holder_personal_code},
          {"route", request.route.ToString()}};
}

}  // namespace

bus::CloudEvent RequestSubmittedEvent(const Request& request, const std::string& correlation_id) {
  nlohmann::json data = RequestData(request);
  data["state"] = ToString(request.state);
  data["submitted_at"] = request.submitted_at;
  data["answer_deadline"] = request.answer_deadline.ToString();
  return bus::CloudEvent::Make("workflow", kRequestSubmittedV1, request.id, std::move(data), correlation_id);
}

bus::CloudEvent RequestStatusChangedEvent(const Request& after, RequestState from, const std::string& action,
                                          ActorKind by, const std::optional<std::string>& reason,
                                          std::chrono::system_clock::time_point at,
                                          const std::string& correlation_id) {
  nlohmann::json data = RequestData(after);
  data["from"] = ToString(from);
  data["to"] = ToString(after.state);
  data["action"] = action;
  data["changed_by"] = ToString(by);
  data["reason"] = common::JsonOrNull(reason);
  data["changed_at"] = common::FormatTimestamp(at);
  return bus::CloudEvent::Make("workflow", kRequestStatusChangedV1, after.id, std::move(data),
                               correlation_id);
}

bus::CloudEvent RequestMessageAddedEvent(const Request& request, const RequestMessage& message,
                                         const std::string& correlation_id) {
  nlohmann::json data = RequestData(request);
  data["message_id"] = message.id;
  data["author"] = ToString(message.author_kind);
  data["sent_at"] = message.sent_at;
  return bus::CloudEvent::Make("workflow", kRequestMessageAddedV1, request.id, std::move(data),
                               correlation_id);
}

bus::CloudEvent DuplicateApprovedEvent(const Request& request, std::chrono::system_clock::time_point at,
                                       const std::string& correlation_id) {
  const DuplicateClaim claim = request.duplicate.value_or(DuplicateClaim{});
  nlohmann::json data = {{"request_id", request.id},
                         {"certificate_number", request.certificate_number},
                         {"holder_personal_code", request.holder_personal_code},
                         {"reason", ToString(claim.reason)},
                         {"corrected_fields", dto::DuplicateJson(claim)["corrected_fields"]},
                         {"approved_by", request.route.ToString()},
                         {"approved_at", common::FormatTimestamp(at)}};
  return bus::CloudEvent::Make("workflow", kDuplicateApprovedV1, request.id, std::move(data), correlation_id);
}

bus::CloudEvent ReprintCompletedEvent(const Request& request, DeliveryOutcome delivery,
                                      const std::string& completed_by,
                                      std::chrono::system_clock::time_point at,
                                      const std::string& correlation_id) {
  nlohmann::json data = {{"request_id", request.id},
                         {"certificate_number", request.certificate_number},
                         {"holder_personal_code", request.holder_personal_code},
                         {"delivery", ToString(delivery)},
                         {"completed_by", completed_by},
                         {"completed_at", common::FormatTimestamp(at)}};
  return bus::CloudEvent::Make("workflow", kReprintCompletedV1, request.id, std::move(data), correlation_id);
}

bus::CloudEvent PersonalDataReadEvent(const Request& request, const Actor& reader, const char* what,
                                      std::chrono::system_clock::time_point at,
                                      const std::string& correlation_id) {
  const bool clerk = reader.kind == ActorKind::kClerk;
  nlohmann::json data = {{"request_id", request.id},
                         {"request_kind", ToString(request.kind)},
                         {"certificate_number", request.certificate_number},
                         {"holder_personal_code", request.holder_personal_code},
                         {"read_by", "EE" + reader.personal_code},
                         {"role", clerk ? "clerk" : "admin"},
                         {"awarding_body_id", clerk ? nlohmann::json(reader.body_id) : nlohmann::json()},
                         {"what", what},
                         {"read_at", common::FormatTimestamp(at)}};
  return bus::CloudEvent::Make("workflow", kPersonalDataReadV1, request.id, std::move(data), correlation_id);
}

}  // namespace kutse::workflow
