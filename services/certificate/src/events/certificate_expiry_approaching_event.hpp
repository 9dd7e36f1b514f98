// certificate.expiry_approaching.v1 (proto-docs/events/): a valid certificate's validity ends within
// six months; sent once per certificate by the reminder sweep (ADR 0010). The data carries the
// holder's personal code for the notification service. Never log it.
#pragma once

#include <chrono>
#include <string>

#include "domain/certificate.hpp"
#include "events/certificate_event_names.hpp"
#include "kutse/bus/cloud_event.hpp"

namespace kutse::certificate {

inline constexpr const char* kCertificateExpiryApproachingV1 = "certificate.expiry_approaching.v1";

bus::CloudEvent CertificateExpiryApproachingEvent(const Certificate& certificate,
                                                  const CertificateEventNames& names,
                                                  std::chrono::system_clock::time_point reminded_at);

}  // namespace kutse::certificate
