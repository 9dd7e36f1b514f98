#include "events/workflow_decision.hpp"

#include "domain/certificate.hpp"
#include "domain/certificate_number.hpp"
#include "kutse/bus/outbox.hpp"
#include "kutse/common/log.hpp"
#include "kutse/db/savepoint.hpp"

namespace kutse::certificate {
namespace {

std::string MemberText(const nlohmann::json& data, const char* key, size_t max_length) {
  if (!data.is_object() || !data.contains(key) || !data[key].is_string()) {
    return "";
  }
  auto text = data[key].get<std::string>();
  return text.size() <= max_length ? text : "";
}

}  // namespace

common::Status CarryOutWorkflowDecision(pqxx::work& work, const common::Clock& clock,
                                        const bus::CloudEvent& event, RefusedRequestKind kind,
                                        const std::function<common::Status()>& carry_out) {
  common::Status status = db::WithSavepoint(work, carry_out);
  if (status.ok() || common::IsTransient(status.code())) {
    return status;
  }
  std::string request_id = MemberText(event.data, "request_id", 100);
  if (request_id.empty()) {
    return status;  // no request to tell: the operator's dead-letter queue
  }
  std::string number = MemberText(event.data, "certificate_number", kMaxCertificateNumberLength);
  RequestRefusal refusal{kind, request_id, IsCertificateNumber(number) ? number : "", event.id, status};
  bus::EnqueueEvent(work, "certificate", RequestRefusedEvent(refusal, clock.Now(), event.correlationid));
  common::log::Warn("workflow decision refused, told back", {{"event_id", event.id},
                                                             {"type", event.type},
                                                             {"request_id", request_id},
                                                             {"reason", status.message().key}});
  return common::OkStatus();
}

}  // namespace kutse::certificate
