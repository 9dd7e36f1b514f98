// The holder's stamps on the wire: one stamp (GET /api/v1/me/stamps items and the withdrawal's
// answer) and a page of them with the opaque cursor of the next page. Never the holder's personal
// code; the verification URL is the holder's to share.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/stamp.hpp"
#include "kutse/common/status.hpp"

namespace kutse::stamping::dto {

// `public_url` is KUTSE_PUBLIC_URL without a trailing slash.
nlohmann::json StampView(const Stamp& stamp, const std::string& public_url);
// `stamps` holds one more than the page when there is a next page.
nlohmann::json StampPage(std::vector<Stamp> stamps, int limit, const std::string& public_url);
// The `cursor` query parameter: nullopt without one, the seq of the last stamp of the page before.
common::StatusOr<std::optional<long long>> StampCursor(const std::optional<std::string>& cursor);

}  // namespace kutse::stamping::dto
