// What a duplicate corrects, as a JSON object of the corrected members only: how the views show it,
// how the store keeps it (jsonb) and how workflow.duplicate_approved.v1 carries it.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/certificate.hpp"

namespace kutse::certificate::dto {

nlohmann::json CorrectedFieldsJson(const CorrectedFields& fields);
// Members that are missing or of another type are left out (the store and the event parser check
// them before).
CorrectedFields CorrectedFieldsFromJson(const nlohmann::json& json);

}  // namespace kutse::certificate::dto
