// A page of the holder's data-access log on the wire, with the opaque cursor of the next page.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "domain/data_access.hpp"
#include "kutse/common/status.hpp"
#include "kutse/http/request.hpp"

namespace kutse::certificate::dto {

// The `cursor` query parameter: the id of the last entry of the page before.
common::StatusOr<std::optional<long long>> AccessLogCursor(const http::Request& request);
// `entries` holds one more than the page when there is a next page.
nlohmann::json AccessLogPage(std::vector<AccessEntry> entries, int limit);

}  // namespace kutse::certificate::dto
