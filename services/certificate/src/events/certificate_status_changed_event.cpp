#include "events/certificate_status_changed_event.hpp"

#include "kutse/common/json_or_null.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::certificate {

bus::CloudEvent CertificateStatusChangedEvent(const Certificate& after, const CertificateEventNames& names,
                                              CertificateStatus from, const std::string& changed_by,
                                              std::chrono::system_clock::time_point changed_at,
                                              const std::string& correlation_id) {
  nlohmann::json data = {
      {"certificate_number", after.number},
      {"holder_personal_code", after.holder_personal_code},
      {"awarding_body_id", after.awarding_body_id},
      {"awarding_body_name", common::JsonOrNull(names.awarding_body_name)},
      {"standard_name", after.standard_name},
      {"standard_name_en", common::JsonOrNull(names.standard_name_en)},
      {"valid_until", after.valid_until ? nlohmann::json(after.valid_until->ToString()) : nlohmann::json()},
      {"from", ToString(from)},
      {"to", ToString(after.status)},
      {"reason", common::JsonOrNull(after.status_reason)},
      {"changed_at", common::FormatTimestamp(changed_at)},
      {"changed_by", changed_by},
  };
  return bus::CloudEvent::Make("certificate", kCertificateStatusChangedV1, after.number, std::move(data),
                               correlation_id);
}

}  // namespace kutse::certificate
