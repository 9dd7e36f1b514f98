#include "dto/certificate_facts_view.hpp"

#include "kutse/common/json_or_null.hpp"

namespace kutse::certificate::dto {
namespace {

nlohmann::json DateOrNull(const std::optional<common::Date>& date) {
  return date ? nlohmann::json(date->ToString()) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json FactsView(const CertificateFacts& facts) {
  return {{"number", facts.number},
          {"holder_personal_code", facts.holder_personal_code},
          {"holder_name", facts.holder_name},
          {"status", ToString(facts.status)},
          {"replaced_by", common::JsonOrNull(facts.replaced_by)},
          {"awarding_body_id", facts.awarding_body_id},
          {"body_active", facts.body_active},
          {"body_holds_right_today", facts.body_holds_right_today},
          {"standard_code", common::JsonOrNull(facts.standard_code)},
          {"qualification_name_et", facts.qualification_name_et},
          {"qualification_name_en", common::JsonOrNull(facts.qualification_name_en)},
          {"level", facts.level},
          {"type", ToString(facts.type)},
          {"eqf_level", common::JsonOrNull(facts.eqf_level)},
          {"specialisation", common::JsonOrNull(facts.specialisation)},
          {"partial_qualification", common::JsonOrNull(facts.partial_qualification)},
          {"competences", facts.competences},
          {"awarding_body_name", common::JsonOrNull(facts.awarding_body_name)},
          {"decision_date", DateOrNull(facts.decision_date)},
          {"decision_number", common::JsonOrNull(facts.decision_number)},
          {"issue_date", facts.issue_date.ToString()},
          {"valid_from", facts.valid_from.ToString()},
          {"valid_until", DateOrNull(facts.valid_until)},
          {"duplicate_of", common::JsonOrNull(facts.duplicate_of)}};
}

}  // namespace kutse::certificate::dto
