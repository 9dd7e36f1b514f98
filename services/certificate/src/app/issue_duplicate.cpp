#include "app/issue_duplicate.hpp"

#include "app/certificate_event_names.hpp"
#include "app/recorded_certificate.hpp"
#include "db/certificate_repository.hpp"
#include "db/history_repository.hpp"
#include "events/certificate_issued_event.hpp"
#include "kutse/bus/outbox.hpp"

namespace kutse::certificate::app {

common::Status IssueDuplicate(pqxx::work& work, const common::Clock& clock, const DuplicateApproval& approval,
                              const std::string& correlation_id) {
  CertificateRepository certificates(work);
  // The lock comes first: an approval sent twice at once then finds the other's duplicate here.
  auto original = certificates.LockForHolder(approval.certificate_number, approval.holder_personal_code);
  if (certificates.DuplicateOfRequest(approval.request_id)) {
    return common::OkStatus();  // this request's duplicate exists already (the approval was sent again)
  }
  if (!original) {
    return common::NotFound(common::Msg("duplicate.no_certificate"));
  }
  auto duplicate = MakeDuplicate(*original, approval, clock.Today());
  if (!duplicate.ok()) {
    return duplicate.status();
  }
  const std::string issued_by = WorkflowActor(approval.approved_by);
  Certificate stored = RecordCertificates(work, {*duplicate}, issued_by).front();
  certificates.MarkReplaced(original->number, stored.number);
  HistoryRepository(work).Add(original->number, issued_by, HistoryChange::kReplaced,
                              std::string(ToString(approval.reason)), {{"published", original->published}},
                              {{"replaced_by", stored.number}, {"published", false}});
  bus::EnqueueEvent(work, "certificate",
                    CertificateIssuedEvent(stored, EventNamesOf(work, {stored}).front(), correlation_id));
  return common::OkStatus();
}

}  // namespace kutse::certificate::app
