#include "events/certificate_issued_event.hpp"

#include "kutse/common/json_or_null.hpp"

namespace kutse::certificate {

bus::CloudEvent CertificateIssuedEvent(const Certificate& certificate, const CertificateEventNames& names,
                                       const std::string& correlation_id) {
  nlohmann::json data = {
      {"certificate_number", certificate.number},
      {"holder_personal_code", certificate.holder_personal_code},
      {"holder_name", certificate.holder_name},
      {"standard_name", certificate.standard_name},
      {"standard_name_en", common::JsonOrNull(names.standard_name_en)},
      {"awarding_body_name", common::JsonOrNull(names.awarding_body_name)},
      {"level", certificate.level},
      {"awarding_body_id", certificate.awarding_body_id},
      {"valid_from", certificate.valid_from.ToString()},
      {"valid_until",
       certificate.valid_until ? nlohmann::json(certificate.valid_until->ToString()) : nlohmann::json()},
      {"issued_at", certificate.issued_at},
      {"certificate_type", ToString(certificate.type)},
      {"standard_code", common::JsonOrNull(certificate.standard_code)},
      {"duplicate_of", common::JsonOrNull(certificate.duplicate_of)},
      {"duplicate_reason", certificate.duplicate_reason
                               ? nlohmann::json(ToString(*certificate.duplicate_reason))
                               : nlohmann::json()},
  };
  return bus::CloudEvent::Make("certificate", kCertificateIssuedV1, certificate.number, std::move(data),
                               correlation_id);
}

}  // namespace kutse::certificate
