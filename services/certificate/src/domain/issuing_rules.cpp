#include "domain/issuing_rules.hpp"

namespace kutse::certificate {
namespace {

void CheckParts(const CertificateDraft& draft, const OccupationalStandard& standard, NewCertificate& result,
                FieldErrors& errors) {
  if (draft.specialisation_code) {
    if (const auto* part = FindPart(standard.specialisations, *draft.specialisation_code)) {
      result.specialisation = part->name_et;
    } else {
      errors.push_back({"/specialisation", "is not a specialisation of standard " + standard.code});
    }
  }
  bool partial = draft.type == CertificateType::kPartialQualification;
  if (partial && !draft.partial_qualification_code) {
    errors.push_back({"/partial_qualification", "is required for a partial-qualification certificate"});
  } else if (!partial && draft.partial_qualification_code) {
    errors.push_back({"/partial_qualification", "is only for a partial-qualification certificate"});
  } else if (partial) {
    if (const auto* part = FindPart(standard.partial_qualifications, *draft.partial_qualification_code)) {
      result.partial_qualification = part->name_et;
    } else {
      errors.push_back(
          {"/partial_qualification", "is not a partial qualification of standard " + standard.code});
    }
  }
  for (size_t i = 0; i < draft.competence_codes.size(); ++i) {
    if (const auto* part = FindPart(standard.competences, draft.competence_codes[i])) {
      result.competences.push_back(part->name_et);
    } else {
      errors.push_back(
          {"/competences/" + std::to_string(i), "is not a competence of standard " + standard.code});
    }
  }
}

}  // namespace

std::variant<NewCertificate, FieldErrors> ApplyIssuingRules(const CertificateDraft& draft,
                                                            const OccupationalStandard* standard,
                                                            const AwardingBody* body,
                                                            const common::Date& today) {
  FieldErrors errors;
  NewCertificate result;
  result.issue_date = draft.issue_date.value_or(today);
  if (today < result.issue_date) {
    errors.push_back({"/issue_date", "must not be in the future"});
  }
  if (today < draft.decision_date) {
    errors.push_back({"/decision_date", "must not be in the future"});
  }
  if (standard == nullptr || !standard->active) {
    errors.push_back({"/standard_code", "is not an occupational standard in use"});
    return errors;
  }
  if (body == nullptr || !body->MayAward(standard->code, result.issue_date)) {
    errors.push_back({"/standard_code", "awarding body " +
                                            (body ? body->registry_code : std::string("in the path")) +
                                            " may not award standard " + standard->code + " on " +
                                            result.issue_date.ToString()});
  }
  CheckParts(draft, *standard, result, errors);
  if (standard->validity_years) {
    common::Date last = common::LastDayOfYears(draft.valid_from, *standard->validity_years);
    if (draft.valid_until && last < *draft.valid_until) {
      errors.push_back({"/valid_until", "must not be after " + last.ToString() +
                                            ", the end of the standard's " +
                                            std::to_string(*standard->validity_years) + "-year validity"});
    }
    result.valid_until = draft.valid_until.value_or(last);
  } else {
    result.valid_until = draft.valid_until;
  }
  if (!errors.empty()) {
    return errors;
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
