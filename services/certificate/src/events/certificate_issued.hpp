// certificate.issued.v1 (proto-docs/events/certificate.issued.v1.schema.json): the data carries the
// holder's personal code, so the notification service can reach the holder. Never log it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "kutse/bus/cloud_event.hpp"

namespace kutse::certificate {

inline constexpr const char* kCertificateIssuedV1 = "certificate.issued.v1";

bus::CloudEvent CertificateIssuedEvent(const nlohmann::json& certificate, const std::string& correlation_id);

}  // namespace kutse::certificate
