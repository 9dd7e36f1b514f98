// certificate.issued.v1 (proto-docs/events/certificate.issued.v1.schema.json), built from the
// register's own Certificate, never from a view: renaming a member of an HTTP answer cannot change
// an event. The data carries the holder's personal code, so the notification service can reach the
// holder. Never log it.
#pragma once

#include <string>

#include "domain/certificate.hpp"
#include "events/certificate_event_names.hpp"
#include "kutse/bus/cloud_event.hpp"

namespace kutse::certificate {

inline constexpr const char* kCertificateIssuedV1 = "certificate.issued.v1";

bus::CloudEvent CertificateIssuedEvent(const Certificate& certificate, const CertificateEventNames& names,
                                       const std::string& correlation_id);

}  // namespace kutse::certificate
