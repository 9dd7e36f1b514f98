// certificate.status_changed.v1 (proto-docs/events/): valid → expired, invalidated or annulled, built
// from the register's own Certificate. The data carries the holder's personal code for the
// notification service. Never log it.
#pragma once

#include <chrono>
#include <string>

#include "domain/certificate.hpp"
#include "events/certificate_event_names.hpp"
#include "kutse/bus/cloud_event.hpp"

namespace kutse::certificate {

inline constexpr const char* kCertificateStatusChangedV1 = "certificate.status_changed.v1";

bus::CloudEvent CertificateStatusChangedEvent(const Certificate& after, const CertificateEventNames& names,
                                              CertificateStatus from, const std::string& changed_by,
                                              std::chrono::system_clock::time_point changed_at,
                                              const std::string& correlation_id);

}  // namespace kutse::certificate
