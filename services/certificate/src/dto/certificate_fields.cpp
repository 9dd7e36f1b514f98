#include "dto/certificate_fields.hpp"

#include "kutse/common/personal_code.hpp"
#include "kutse/http/json_fields.hpp"

namespace kutse::certificate::dto {

using common::Msg;

std::optional<std::string> PersonalCodeField(const nlohmann::json& body, common::FieldErrors& errors) {
  if (!body.contains("holder_personal_code") || !body["holder_personal_code"].is_string()) {
    errors.push_back({"/holder_personal_code", Msg("holder.personal_code_required")});
    return std::nullopt;
  }
  if (!common::IsValidPersonalCode(body["holder_personal_code"].get<std::string>())) {
    errors.push_back({"/holder_personal_code", Msg("holder.personal_code_invalid")});
    return std::nullopt;
  }
  return body["holder_personal_code"].get<std::string>();
}

CertificateType TypeField(const nlohmann::json& body, common::FieldErrors& errors) {
  auto type = http::OptionalText(body, "certificate_type", 40, errors);
  auto parsed = type ? ParseCertificateType(*type) : CertificateType::kCertificate;
  if (!parsed) {
    errors.push_back({"/certificate_type", Msg("certificate.type_values")});
  }
  return parsed.value_or(CertificateType::kCertificate);
}

std::string LanguageField(const nlohmann::json& body, common::FieldErrors& errors) {
  auto language = http::OptionalText(body, "language", 2, errors);
  if (language && !IsCertificateLanguage(*language)) {
    errors.push_back({"/language", Msg("certificate.language_values")});
    return "et";
  }
  return language.value_or("et");
}

}  // namespace kutse::certificate::dto
