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

}  // namespace kutse::certificate
