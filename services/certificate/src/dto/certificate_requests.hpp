// The small bodies of the certificate routes: a status change's reason, the holder's publication
// choice and a print entered by staff.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "domain/print_order.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::dto {

// {"reason": "..."}: 1 to 1000 characters, line breaks allowed.
common::StatusOr<std::string> ParseStatusChangeReason(const nlohmann::json& body);
// {"published": true|false}
common::StatusOr<bool> ParsePublication(const nlohmann::json& body);
// {"reason": first_print|reprint|duplicate, "delivery": in_person|post, "note": "..."}
common::StatusOr<PrintOrder> ParsePrintOrder(const nlohmann::json& body);

}  // namespace kutse::certificate::dto
