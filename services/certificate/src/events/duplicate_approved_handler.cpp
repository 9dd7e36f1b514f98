#include "events/duplicate_approved_handler.hpp"

#include "db/certificate_repository.hpp"
#include "db/reference_repository.hpp"
#include "domain/duplicate_approval.hpp"
#include "events/certificate_issued.hpp"
#include "kutse/bus/event_consumer.hpp"
#include "kutse/bus/outbox.hpp"

namespace kutse::certificate {
namespace {

[[noreturn]] void Refuse(const bus::CloudEvent& event, const std::string& why) {
  // The consumer logs the event id with this text (no personal code in it) and dead-letters the event.
  throw bus::RejectedEvent("duplicate approval refused: " + why + " (request " + event.subject + ")");
}

}  // namespace

void OnDuplicateApproved(pqxx::work& work, const bus::CloudEvent& event) {
  auto parsed = ParseDuplicateApproval(event.data);
  if (auto* problem = std::get_if<std::string>(&parsed)) {
    Refuse(event, *problem);
  }
  const auto& approval = std::get<DuplicateApproval>(parsed);
  CertificateRepository repository(work);
  // The lock comes first: an approval sent twice at once then finds the other's duplicate here.
  auto original = repository.LockForHolder(approval.certificate_number, approval.holder_personal_code);
  if (repository.DuplicateOfRequest(approval.request_id)) {
    return;  // this request's duplicate exists already (the approval was sent again)
  }
  if (!original) {
    Refuse(event, "the holder has no certificate with this number");
  }
  auto made = MakeDuplicate(*original, approval, ReferenceRepository(work).RegisterToday());
  if (auto* problem = std::get_if<std::string>(&made)) {
    Refuse(event, *problem);
  }
  const std::string issued_by = "workflow:" + approval.approved_by;
  CertificateRecord duplicate = repository.Insert(std::get<NewCertificate>(made), issued_by);
  repository.MarkReplaced(original->number, duplicate.number);
  repository.AddHistory(original->number, issued_by, "replaced", approval.reason,
                        {{"published", original->published}},
                        {{"replaced_by", duplicate.number}, {"published", false}});
  bus::EnqueueEvent(work, "certificate", CertificateIssuedEvent(StaffView(duplicate), event.correlationid));
}

}  // namespace kutse::certificate
