// certificate.status_changed.v1 (proto-docs/events/): valid → expired, invalidated or annulled.
// The data carries the holder's personal code for the notification service. Never log it.
#pragma once

#include <optional>
#include <string>

#include "domain/certificate_record.hpp"
#include "kutse/bus/cloud_event.hpp"

namespace kutse::certificate {

inline constexpr const char* kCertificateStatusChangedV1 = "certificate.status_changed.v1";

bus::CloudEvent CertificateStatusChangedEvent(const CertificateRecord& after, CertificateStatus from,
                                              const std::string& changed_by, const std::string& changed_at,
                                              const std::string& correlation_id);

}  // namespace kutse::certificate
