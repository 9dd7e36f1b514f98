#include "app/change_certificate_status.hpp"

#include "app/certificate_event_names.hpp"
#include "db/access_log_repository.hpp"
#include "db/certificate_repository.hpp"
#include "db/history_repository.hpp"
#include "events/certificate_status_changed_event.hpp"
#include "kutse/bus/outbox.hpp"

namespace kutse::certificate::app {

common::StatusOr<Certificate> ChangeStatus(pqxx::work& work, const common::Clock& clock,
                                           const auth::Identity& staff, const StatusChange& change) {
  CertificateRepository certificates(work);
  auto current = change.number.size() > kMaxCertificateNumberLength
                     ? std::nullopt
                     : certificates.LockForBody(change.number, change.body_id);
  if (!current) {
    return common::NotFound(common::Msg("certificate.not_found_for_body"));
  }
  if (!CanChange(current->status, change.to)) {
    return common::FailedPrecondition(
        common::Msg("certificate.status_change_refused",
                    {{"from", ToString(current->status)}, {"to", ToString(change.to)}}));
  }
  const auto now = clock.Now();
  Certificate after = certificates.SetStatus(change.number, change.to, change.reason, now);
  bool invalidated = change.to == CertificateStatus::kInvalidated;
  HistoryRepository(work).Add(
      change.number, staff.Subject(), invalidated ? HistoryChange::kInvalidated : HistoryChange::kAnnulled,
      change.reason, {{"status", ToString(current->status)}}, {{"status", ToString(change.to)}});
  AccessLogRepository(work).Log(after, staff,
                                invalidated ? AccessPurpose::kInvalidation : AccessPurpose::kAnnulment);
  bus::EnqueueEvent(work, "certificate",
                    CertificateStatusChangedEvent(after, EventNamesOf(work, {after}).front(), current->status,
                                                  staff.Subject(), now, change.correlation_id));
  return after;
}

}  // namespace kutse::certificate::app
