// An optional value as JSON: the value, or null (our answers keep absent members as null).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

namespace kutse::common {

template <typename T>
nlohmann::json JsonOrNull(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace kutse::common
