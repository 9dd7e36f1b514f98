#include "domain/issuing_rules.hpp"

namespace kutse::certificate {
namespace {

using common::FieldErrors;
using common::Msg;

void CheckParts(const CertificateDraft& draft, const OccupationalStandard& standard, Certificate& result,
                FieldErrors& errors) {
  const std::vector<std::pair<std::string, std::string>> of_standard = {{"standard", standard.code}};
  if (draft.specialisation_code) {
    if (const auto* part = FindPart(standard.specialisations, *draft.specialisation_code)) {
      result.specialisation = part->name_et;
    } else {
      errors.push_back({"/specialisation", Msg("issuing.not_a_specialisation", of_standard)});
    }
  }
  bool partial = draft.type == CertificateType::kPartialQualification;
  if (partial && !draft.partial_qualification_code) {
    errors.push_back({"/partial_qualification", Msg("issuing.partial_qualification_required")});
  } else if (!partial && draft.partial_qualification_code) {
    errors.push_back({"/partial_qualification", Msg("issuing.partial_qualification_only_for_partial")});
  } else if (partial) {
    if (const auto* part = FindPart(standard.partial_qualifications, *draft.partial_qualification_code)) {
      result.partial_qualification = part->name_et;
    } else {
      errors.push_back({"/partial_qualification", Msg("issuing.not_a_partial_qualification", of_standard)});
    }
  }
  for (size_t i = 0; i < draft.competence_codes.size(); ++i) {
    if (const auto* part = FindPart(standard.competences, draft.competence_codes[i])) {
      result.competences.push_back(part->name_et);
    } else {
      errors.push_back({"/competences/" + std::to_string(i), Msg("issuing.not_a_competence", of_standard)});
    }
  }
}

}  // namespace

common::StatusOr<Certificate> ApplyIssuingRules(const CertificateDraft& draft,
                                                const OccupationalStandard* standard,
                                                const AwardingBody* body, const common::Date& today) {
  FieldErrors errors;
  Certificate result;
  result.issue_date = draft.issue_date.value_or(today);
  if (today < result.issue_date) {
    errors.push_back({"/issue_date", Msg("date.not_in_future")});
  }
  if (today < draft.decision_date) {
    errors.push_back({"/decision_date", Msg("date.not_in_future")});
  }
  if (standard == nullptr || !standard->active) {
    errors.push_back({"/standard_code", Msg("issuing.standard_not_in_use")});
    return common::InvalidArgument(Msg("issuing.refused"), std::move(errors));
  }
  if (body == nullptr || !body->MayAward(standard->code, result.issue_date)) {
    errors.push_back({"/standard_code", Msg("issuing.no_right", {{"standard", standard->code},
                                                                 {"date", result.issue_date.ToString()}})});
  }
  CheckParts(draft, *standard, result, errors);
  if (standard->validity_years) {
    common::Date last = common::LastDayOfYears(draft.valid_from, *standard->validity_years);
    if (draft.valid_until && last < *draft.valid_until) {
      errors.push_back({"/valid_until", Msg("issuing.beyond_validity",
                                            {{"last", last.ToString()},
                                             {"years", std::to_string(*standard->validity_years)}})});
    }
    result.valid_until = draft.valid_until.value_or(last);
  } else {
    result.valid_until = draft.valid_until;
  }
  if (!errors.empty()) {
    return common::InvalidArgument(Msg("issuing.refused"), std::move(errors));
  }
  result.type = draft.type;
  result.holder_personal_code = draft.holder_personal_code;
  result.holder_name = draft.holder_name;
  result.standard_code = standard->code;
  result.standard_name = standard->name_et;
  result.level = standard->estqf_level;
  result.eqf_level = standard->eqf_level;
  result.awarding_body_id = body->registry_code;
  result.decision_date = draft.decision_date;
  result.decision_number = draft.decision_number;
  result.valid_from = draft.valid_from;
  result.language = draft.language;
  return result;
}

}  // namespace kutse::certificate
