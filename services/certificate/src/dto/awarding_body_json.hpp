// An awarding body on the wire: the admin's PUT body (the body and its complete set of rights) read
// into the domain type, and the body as the public reference data shows it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "domain/awarding_body.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::dto {

// The registry code comes from the path; every wrong field is reported at once.
common::StatusOr<AwardingBody> ParseAwardingBody(const std::string& registry_code,
                                                 const nlohmann::json& body);
nlohmann::json AwardingBodyJson(const AwardingBody& body);

}  // namespace kutse::certificate::dto
