// Query parameters that many routes share: a 400 that names the parameter, positive whole numbers
// (ids, keyset cursors) and the page size `limit`. No I/O.
#pragma once

#include <optional>
#include <string>

#include "kutse/common/status.hpp"
#include "kutse/http/request.hpp"

namespace kutse::http {

inline constexpr int kMaxPageSize = 100;

// 400 bad_request naming the parameter, e.g. BadQuery("/limit", Msg("http.limit_range", ...)).
common::Status BadQuery(const std::string& pointer, common::Message detail);
// Digits only, from 1 to `max`; nullopt otherwise.
std::optional<long long> ParsePositive(const std::string& text, long long max);
// `limit`: 1 to 100, `fallback` when absent; otherwise throws StatusError 400 naming /limit.
int PageSize(const Request& request, int fallback);

}  // namespace kutse::http
