#include "events/certificate_issued.hpp"

namespace kutse::certificate {

bus::CloudEvent CertificateIssuedEvent(const nlohmann::json& certificate, const std::string& correlation_id) {
  nlohmann::json data = {
      {"certificate_number", certificate["number"]},
      {"holder_personal_code", certificate["holder_personal_code"]},
      {"holder_name", certificate["holder_name"]},
      {"standard_name", certificate["standard_name"]},
      {"level", certificate["level"]},
      {"awarding_body_id", certificate["awarding_body_id"]},
      {"valid_from", certificate["valid_from"]},
      {"valid_until", certificate["valid_until"]},
      {"issued_at", certificate["issued_at"]},
      {"certificate_type", certificate["certificate_type"]},
      {"standard_code", certificate["standard_code"]},
      {"duplicate_of", certificate["duplicate_of"]},
      {"duplicate_reason", certificate["duplicate_reason"]},
  };
  return bus::CloudEvent::Make("certificate", kCertificateIssuedV1, certificate["number"].get<std::string>(),
                               std::move(data), correlation_id);
}

}  // namespace kutse::certificate
