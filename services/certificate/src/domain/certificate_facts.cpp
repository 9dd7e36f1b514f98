#include "domain/certificate_facts.hpp"

namespace kutse::certificate {

CertificateFacts FactsOf(const Certificate& certificate, const OccupationalStandard* standard,
                         const AwardingBody* body, const common::Date& today) {
  CertificateFacts facts;
  facts.number = certificate.number;
  facts.holder_personal_code = certificate.holder_personal_code;
  facts.holder_name = certificate.holder_name;
  facts.status = certificate.status;
  facts.replaced_by = certificate.replaced_by;
  facts.awarding_body_id = certificate.awarding_body_id;
  facts.body_active = body != nullptr && body->active;
  // The same rule issuing applies on its issue date: an inactive body holds no right at all.
  facts.body_holds_right_today =
      body != nullptr && certificate.standard_code && body->MayAward(*certificate.standard_code, today);
  facts.standard_code = certificate.standard_code;
  // The name as printed on the certificate; English only as the register has it for the standard.
  facts.qualification_name_et = certificate.standard_name;
  if (standard != nullptr) {
    facts.qualification_name_en = standard->name_en;
  }
  facts.level = certificate.level;
  facts.type = certificate.type;
  facts.eqf_level = certificate.eqf_level;
  facts.specialisation = certificate.specialisation;
  facts.partial_qualification = certificate.partial_qualification;
  facts.competences = certificate.competences;
  if (body != nullptr) {
    facts.awarding_body_name = body->name;
  }
  facts.decision_date = certificate.decision_date;
  facts.decision_number = certificate.decision_number;
  facts.issue_date = certificate.issue_date;
  facts.valid_from = certificate.valid_from;
  facts.valid_until = certificate.valid_until;
  facts.duplicate_of = certificate.duplicate_of;
  return facts;
}

}  // namespace kutse::certificate
