#include "app/issue_certificates.hpp"

#include "app/certificate_event_names.hpp"
#include "app/recorded_certificate.hpp"
#include "db/access_log_repository.hpp"
#include "db/awarding_body_repository.hpp"
#include "db/standard_repository.hpp"
#include "domain/issuing_rules.hpp"
#include "events/certificate_issued_event.hpp"
#include "kutse/bus/outbox.hpp"

namespace kutse::certificate::app {

common::StatusOr<std::vector<Certificate>> Issue(pqxx::work& work, const common::Clock& clock,
                                                 const auth::Identity& clerk,
                                                 const IssueCertificates& input) {
  AwardingBodyRepository bodies(work);
  bodies.Lock(input.body_id);
  auto body = bodies.Find(input.body_id);
  std::vector<std::string> codes;
  for (const auto& [row, draft] : input.drafts.rows) {
    codes.push_back(draft.standard_code);
  }
  auto standards = StandardRepository(work).ByCodes(codes);
  const common::Date today = clock.Today();
  std::vector<Certificate> resolved;
  resolved.reserve(input.drafts.rows.size());
  common::FieldErrors errors = input.drafts.errors;
  for (const auto& [row, draft] : input.drafts.rows) {
    auto standard = standards.find(draft.standard_code);
    auto certificate = ApplyIssuingRules(draft, standard == standards.end() ? nullptr : &standard->second,
                                         body ? &*body : nullptr, today);
    if (!certificate.ok()) {
      if (!input.as_batch) {
        return certificate.status();
      }
      AddRowErrors(errors, row, certificate.status().field_errors());
    } else {
      resolved.push_back(std::move(certificate).value());
    }
  }
  if (common::Status refused = RowsRefused(std::move(errors)); !refused.ok()) {
    return refused;
  }
  std::vector<Certificate> issued = RecordCertificates(work, resolved, clerk.Subject());
  std::vector<CertificateEventNames> names = EventNamesOf(work, issued);
  std::vector<bus::CloudEvent> events;
  events.reserve(issued.size());
  for (size_t i = 0; i < issued.size(); ++i) {
    events.push_back(CertificateIssuedEvent(issued[i], names[i], input.correlation_id));
  }
  bus::EnqueueEvents(work, "certificate", events);
  AccessLogRepository(work).LogAll(issued, clerk, AccessPurpose::kIssuing);
  return issued;
}

}  // namespace kutse::certificate::app
