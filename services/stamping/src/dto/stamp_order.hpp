// The body of POST /api/v1/me/certificates/{number}/stamps:
// {"format": "pdf"|"asice", "language": "et"|"en"}.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/create_stamp.hpp"
#include "kutse/common/status.hpp"

namespace kutse::stamping::dto {

// Invalid argument with a field error per wrong or unknown member.
common::StatusOr<app::StampOrder> ParseStampOrder(const std::string& number, const nlohmann::json& body);

}  // namespace kutse::stamping::dto
