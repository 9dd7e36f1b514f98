// The body of POST /api/v1/me/certificates/{number}/stamps: {"format": "pdf", "language": "et"|"en"}.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/create_stamp.hpp"
#include "kutse/common/status.hpp"

namespace kutse::stamping::dto {

// Invalid argument with a field error per wrong or unknown member. Only "pdf" today: ASiC-E comes later.
common::StatusOr<app::StampOrder> ParseStampOrder(const std::string& number, const nlohmann::json& body);

}  // namespace kutse::stamping::dto
