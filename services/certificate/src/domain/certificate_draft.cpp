#include "domain/certificate_draft.hpp"

#include <set>

#include "domain/occupational_standard.hpp"
#include "kutse/common/personal_code.hpp"

namespace kutse::certificate {
namespace {

constexpr size_t kMaxCompetences = 100;

const std::set<std::string> kKnownFields = {
    "certificate_type", "holder_personal_code", "holder_name",
    "standard_code",    "specialisation",       "partial_qualification",
    "competences",      "decision_date",        "decision_number",
    "issue_date",       "valid_from",           "valid_until",
    "language"};

std::vector<std::string> CompetenceCodes(const nlohmann::json& body, FieldErrors& errors) {
  std::vector<std::string> codes;
  if (IsAbsent(body, "competences")) {
    return codes;
  }
  if (!body["competences"].is_array() || body["competences"].size() > kMaxCompetences) {
    errors.push_back({"/competences", "must be a list of at most 100 competence codes"});
    return codes;
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < body["competences"].size(); ++i) {
    const auto& code = body["competences"][i];
    const std::string pointer = "/competences/" + std::to_string(i);
    if (!code.is_string() || code.get<std::string>().empty() || code.get<std::string>().size() > 40) {
      errors.push_back({pointer, "must be a competence code"});
    } else if (!seen.insert(code.get<std::string>()).second) {
      errors.push_back({pointer, "appears twice"});
    } else {
      codes.push_back(code.get<std::string>());
    }
  }
  return codes;
}

}  // namespace

std::optional<std::string> PersonalCodeField(const nlohmann::json& body, FieldErrors& errors) {
  if (!body.contains("holder_personal_code") || !body["holder_personal_code"].is_string()) {
    errors.push_back({"/holder_personal_code", "is required as a string of 11 digits"});
    return std::nullopt;
  }
  if (!common::IsValidPersonalCode(body["holder_personal_code"].get<std::string>())) {
    errors.push_back({"/holder_personal_code", "is not a valid Estonian personal code"});
    return std::nullopt;
  }
  return body["holder_personal_code"].get<std::string>();
}

CertificateType TypeField(const nlohmann::json& body, FieldErrors& errors) {
  auto type = OptionalText(body, "certificate_type", 40, errors);
  auto parsed = type ? ParseCertificateType(*type) : CertificateType::kCertificate;
  if (!parsed) {
    errors.push_back(
        {"/certificate_type", "must be certificate, partial_qualification or initial_qualification"});
  }
  return parsed.value_or(CertificateType::kCertificate);
}

std::string LanguageField(const nlohmann::json& body, FieldErrors& errors) {
  auto language = OptionalText(body, "language", 2, errors);
  if (language && !IsCertificateLanguage(*language)) {
    errors.push_back({"/language", "must be et, en or ru"});
    return "et";
  }
  return language.value_or("et");
}

std::variant<CertificateDraft, FieldErrors> ParseCertificateDraft(const nlohmann::json& body) {
  FieldErrors errors = UnknownFields(body, kKnownFields);
  CertificateDraft draft;
  draft.type = TypeField(body, errors);
  auto personal_code = PersonalCodeField(body, errors);
  auto holder_name = RequiredText(body, "holder_name", 200, errors);
  auto standard_code = RequiredText(body, "standard_code", 40, errors);
  if (standard_code && !IsStandardCode(*standard_code)) {
    errors.push_back({"/standard_code", "is not a standard code"});
  }
  draft.specialisation_code = OptionalText(body, "specialisation", 40, errors);
  draft.partial_qualification_code = OptionalText(body, "partial_qualification", 40, errors);
  draft.competence_codes = CompetenceCodes(body, errors);
  auto decision_date = RequiredDate(body, "decision_date", errors);
  auto decision_number = RequiredText(body, "decision_number", 50, errors);
  draft.issue_date = OptionalDate(body, "issue_date", errors);
  auto valid_from = RequiredDate(body, "valid_from", errors);
  draft.valid_until = OptionalDate(body, "valid_until", errors);
  if (valid_from && draft.valid_until && *draft.valid_until < *valid_from) {
    errors.push_back({"/valid_until", "must not be before valid_from"});
  }
  if (decision_date && draft.issue_date && *draft.issue_date < *decision_date) {
    errors.push_back({"/issue_date", "must not be before the decision date"});
  }
  draft.language = LanguageField(body, errors);
  if (!errors.empty()) {
    return errors;
  }
  draft.holder_personal_code = *personal_code;
  draft.holder_name = *holder_name;
  draft.standard_code = *standard_code;
  draft.decision_date = *decision_date;
  draft.decision_number = *decision_number;
  draft.valid_from = *valid_from;
  return draft;
}

}  // namespace kutse::certificate
