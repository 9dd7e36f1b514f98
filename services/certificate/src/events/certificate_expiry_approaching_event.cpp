#include "events/certificate_expiry_approaching_event.hpp"

#include "kutse/common/json_or_null.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::certificate {

bus::CloudEvent CertificateExpiryApproachingEvent(const Certificate& certificate,
                                                  const CertificateEventNames& names,
                                                  std::chrono::system_clock::time_point reminded_at) {
  nlohmann::json data = {
      {"certificate_number", certificate.number},
      {"holder_personal_code", certificate.holder_personal_code},
      {"awarding_body_id", certificate.awarding_body_id},
      {"awarding_body_name", common::JsonOrNull(names.awarding_body_name)},
      {"standard_name", certificate.standard_name},
      {"standard_name_en", common::JsonOrNull(names.standard_name_en)},
      {"valid_until", certificate.valid_until ? certificate.valid_until->ToString() : ""},
      {"reminded_at", common::FormatTimestamp(reminded_at)},
  };
  return bus::CloudEvent::Make("certificate", kCertificateExpiryApproachingV1, certificate.number,
                               std::move(data), "");
}

}  // namespace kutse::certificate
