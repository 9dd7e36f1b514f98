// What a clerk sends to issue a certificate, checked field by field (form only: whether the
// standard exists and the body may award it is for issuing_rules). No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/certificate_type.hpp"
#include "domain/field_checks.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::certificate {

struct CertificateDraft {
  CertificateType type = CertificateType::kCertificate;
  std::string holder_personal_code;
  std::string holder_name;  // as printed
  std::string standard_code;
  std::optional<std::string> specialisation_code;
  std::optional<std::string> partial_qualification_code;
  std::vector<std::string> competence_codes;
  common::Date decision_date;
  std::string decision_number;
  std::optional<common::Date> issue_date;  // nullopt: today
  common::Date valid_from;
  std::optional<common::Date> valid_until;  // nullopt: from the standard's validity
  std::string language = "et";
};

// Either a draft or every field error found (all of them, not just the first).
std::variant<CertificateDraft, FieldErrors> ParseCertificateDraft(const nlohmann::json& body);

// Fields shared with the historic import. The holder's personal code: 11 digits with a valid check
// digit. The type and the language: their defaults when absent.
std::optional<std::string> PersonalCodeField(const nlohmann::json& body, FieldErrors& errors);
CertificateType TypeField(const nlohmann::json& body, FieldErrors& errors);
std::string LanguageField(const nlohmann::json& body, FieldErrors& errors);

}  // namespace kutse::certificate
