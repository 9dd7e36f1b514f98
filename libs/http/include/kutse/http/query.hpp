// Query parameters that many routes share: a 400 that names the parameter, positive whole numbers
// (ids, keyset cursors) and the page size `limit`. No I/O.
#pragma once

#include <optional>
#include <string>

#include "kutse/http/problem.hpp"
#include "kutse/http/request.hpp"

namespace kutse::http {

inline constexpr int kMaxPageSize = 100;

HttpError BadQuery(const std::string& pointer, const std::string& detail);
// Digits only, from 1 to `max`; nullopt otherwise.
std::optional<long long> ParsePositive(const std::string& text, long long max);
// `limit`: 1 to 100, `fallback` when absent; otherwise 400 naming /limit.
int PageSize(const Request& request, int fallback);

}  // namespace kutse::http
