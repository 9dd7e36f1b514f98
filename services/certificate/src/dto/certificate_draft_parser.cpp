#include "dto/certificate_draft_parser.hpp"

#include <set>

#include "domain/occupational_standard.hpp"
#include "dto/certificate_fields.hpp"
#include "kutse/http/json_fields.hpp"

namespace kutse::certificate::dto {
namespace {

using common::FieldErrors;
using common::Msg;

constexpr size_t kMaxCompetences = 100;

const std::set<std::string> kKnownFields = {
    "certificate_type", "holder_personal_code", "holder_name",
    "standard_code",    "specialisation",       "partial_qualification",
    "competences",      "decision_date",        "decision_number",
    "issue_date",       "valid_from",           "valid_until",
    "language"};

std::vector<std::string> CompetenceCodes(const nlohmann::json& body, FieldErrors& errors) {
  std::vector<std::string> codes;
  if (http::IsOmitted(body, "competences", errors)) {
    return codes;
  }
  if (!body["competences"].is_array() || body["competences"].size() > kMaxCompetences) {
    errors.push_back(
        {"/competences", Msg("certificate.competence_list", {{"max", std::to_string(kMaxCompetences)}})});
    return codes;
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < body["competences"].size(); ++i) {
    const auto& code = body["competences"][i];
    const std::string pointer = "/competences/" + std::to_string(i);
    if (!code.is_string() || code.get<std::string>().empty() || code.get<std::string>().size() > 40 ||
        !http::IsCleanText(code.get<std::string>(), false)) {
      errors.push_back({pointer, Msg("certificate.competence_code")});
    } else if (!seen.insert(code.get<std::string>()).second) {
      errors.push_back({pointer, Msg("field.appears_twice")});
    } else {
      codes.push_back(code.get<std::string>());
    }
  }
  return codes;
}

}  // namespace

common::StatusOr<CertificateDraft> ParseCertificateDraft(const nlohmann::json& body) {
  FieldErrors errors = http::UnknownFields(body, kKnownFields);
  CertificateDraft draft;
  draft.type = TypeField(body, errors);
  auto personal_code = PersonalCodeField(body, errors);
  auto holder_name = http::RequiredText(body, "holder_name", 200, errors);
  auto standard_code = http::RequiredText(body, "standard_code", 40, errors);
  if (standard_code && !IsStandardCode(*standard_code)) {
    errors.push_back({"/standard_code", Msg("standard.not_a_code")});
  }
  draft.specialisation_code = http::OptionalText(body, "specialisation", 40, errors);
  draft.partial_qualification_code = http::OptionalText(body, "partial_qualification", 40, errors);
  draft.competence_codes = CompetenceCodes(body, errors);
  auto decision_date = http::RequiredDate(body, "decision_date", errors);
  auto decision_number = http::RequiredText(body, "decision_number", 50, errors);
  draft.issue_date = http::OptionalDate(body, "issue_date", errors);
  auto valid_from = http::RequiredDate(body, "valid_from", errors);
  draft.valid_until = http::OptionalDate(body, "valid_until", errors, http::Null::kAllowed);
  if (valid_from && draft.valid_until && *draft.valid_until < *valid_from) {
    errors.push_back({"/valid_until", Msg("date.not_before_valid_from")});
  }
  if (decision_date && draft.issue_date && *draft.issue_date < *decision_date) {
    errors.push_back({"/issue_date", Msg("date.not_before_decision")});
  }
  draft.language = LanguageField(body, errors);
  if (!errors.empty()) {
    return http::InvalidFields(std::move(errors));
  }
  draft.holder_personal_code = *personal_code;
  draft.holder_name = *holder_name;
  draft.standard_code = *standard_code;
  draft.decision_date = *decision_date;
  draft.decision_number = *decision_number;
  draft.valid_from = *valid_from;
  return draft;
}

}  // namespace kutse::certificate::dto
