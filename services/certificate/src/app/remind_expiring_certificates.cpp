#include "app/remind_expiring_certificates.hpp"

#include "app/certificate_event_names.hpp"
#include "db/certificate_repository.hpp"
#include "domain/expiry_reminder.hpp"
#include "events/certificate_expiry_approaching_event.hpp"
#include "kutse/bus/outbox.hpp"

namespace kutse::certificate::app {

common::StatusOr<int> RemindExpiring(pqxx::work& work, const common::Clock& clock, int limit) {
  const auto now = clock.Now();
  const common::Date today = clock.Today();
  auto reminded =
      CertificateRepository(work).MarkExpiryReminded(today, ExpiryReminderHorizon(today), now, limit);
  std::vector<CertificateEventNames> names = EventNamesOf(work, reminded);
  std::vector<bus::CloudEvent> events;
  events.reserve(reminded.size());
  for (size_t i = 0; i < reminded.size(); ++i) {
    events.push_back(CertificateExpiryApproachingEvent(reminded[i], names[i], now));
  }
  bus::EnqueueEvents(work, "certificate", events);  // a batch of 500 in one round trip
  return static_cast<int>(reminded.size());
}

}  // namespace kutse::certificate::app
