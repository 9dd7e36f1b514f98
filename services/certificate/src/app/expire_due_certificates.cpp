#include "app/expire_due_certificates.hpp"

#include "app/certificate_event_names.hpp"
#include "db/certificate_repository.hpp"
#include "db/history_repository.hpp"
#include "domain/history_entry.hpp"
#include "events/certificate_status_changed_event.hpp"
#include "kutse/bus/outbox.hpp"

namespace kutse::certificate::app {

common::StatusOr<int> ExpireDue(pqxx::work& work, const common::Clock& clock, int limit) {
  const auto now = clock.Now();
  auto expired = CertificateRepository(work).ExpireDue(clock.Today(), now, limit);
  HistoryRepository history(work);
  std::vector<CertificateEventNames> names = EventNamesOf(work, expired);
  for (size_t i = 0; i < expired.size(); ++i) {
    const Certificate& certificate = expired[i];
    history.Add(certificate.number, kSystemActor, HistoryChange::kExpired, std::nullopt,
                {{"status", "valid"}}, {{"status", "expired"}});
    bus::EnqueueEvent(work, "certificate",
                      CertificateStatusChangedEvent(certificate, names[i], CertificateStatus::kValid,
                                                    kSystemActor, now, ""));
  }
  return static_cast<int>(expired.size());
}

}  // namespace kutse::certificate::app
