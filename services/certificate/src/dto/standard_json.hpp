// An occupational standard on the wire: the admin's PUT body read into the domain type, and the
// standard as the public reference data shows it. Its parts' JSON form is also how the store keeps
// them (db/standard_repository.cpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/occupational_standard.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::dto {

// The code comes from the path; every wrong field is reported at once.
common::StatusOr<OccupationalStandard> ParseOccupationalStandard(const std::string& code,
                                                                 const nlohmann::json& body);
nlohmann::json StandardJson(const OccupationalStandard& standard);
nlohmann::json PartsJson(const std::vector<StandardPart>& parts);
std::vector<StandardPart> PartsFromJson(const nlohmann::json& parts);

}  // namespace kutse::certificate::dto
