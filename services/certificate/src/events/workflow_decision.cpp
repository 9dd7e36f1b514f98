#include "events/workflow_decision.hpp"

#include "domain/certificate.hpp"
#include "domain/certificate_number.hpp"
#include "events/event_members.hpp"
#include "kutse/bus/outbox.hpp"
#include "kutse/common/log.hpp"
#include "kutse/db/savepoint.hpp"

namespace kutse::certificate {
common::Status CarryOutWorkflowDecision(pqxx::work& work, const common::Clock& clock,
                                        const bus::CloudEvent& event, RefusedRequestKind kind,
                                        const std::function<common::Status()>& carry_out) {
  common::Status status = db::WithSavepoint(work, carry_out);
  if (status.ok() || common::IsTransient(status.code())) {
    return status;
  }
  std::string request_id = TextMember(event.data, "request_id", 100).value_or("");
  if (request_id.empty()) {
    return status;  // no request to tell: the operator's dead-letter queue
  }
  std::string number = TextMember(event.data, "certificate_number", kMaxCertificateNumberLength).value_or("");
  RequestRefusal refusal{kind, request_id, IsCertificateNumber(number) ? number : "", event.id, status};
  bus::EnqueueEvent(work, "certificate", RequestRefusedEvent(refusal, clock.Now(), event.correlationid));
  common::log::Warn("workflow decision refused, told back", {{"event_id", event.id},
                                                             {"type", event.type},
                                                             {"request_id", request_id},
                                                             {"reason", status.message().key}});
  return common::OkStatus();
}

}  // namespace kutse::certificate
