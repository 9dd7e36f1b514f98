#include "dto/certificate_facts_view.hpp"

#include "kutse/common/json_or_null.hpp"

namespace kutse::certificate::dto {

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
          {"level", facts.level}};
}

}  // namespace kutse::certificate::dto
