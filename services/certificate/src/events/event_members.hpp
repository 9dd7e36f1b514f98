// Reading the members of another service's event data: a text member is there only when it is a
// non-empty string within its length; anything else counts as missing, for the caller to refuse.
#pragma once

#include <cstddef>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace kutse::certificate {

std::optional<std::string> TextMember(const nlohmann::json& data, const char* key,
                                      size_t max_length = std::numeric_limits<size_t>::max());

// An instant in UTC (2026-12-03T10:15:00Z, any number of decimals) whose date and time exist,
// written back with exactly three decimals (2026-12-03T10:15:00.000Z, as the workflow writes
// them), so that comparing two of them as text compares the instants.
std::optional<std::string> InstantMember(const nlohmann::json& data, const char* key);

}  // namespace kutse::certificate
