// An enum's names as they travel in JSON, SQL and events, kept in one table per enum so that the
// name of a value and the value of a name cannot drift apart.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace kutse::common {

template <typename E>
struct EnumName {
  E value;
  const char* name;
};

template <typename E, size_t N>
const char* NameOf(const EnumName<E> (&table)[N], E value) {
  for (const auto& entry : table) {
    if (entry.value == value) {
      return entry.name;
    }
  }
  return table[0].name;  // unreachable while every value has a row
}

template <typename E, size_t N>
std::optional<E> ValueOf(const EnumName<E> (&table)[N], std::string_view name) {
  for (const auto& entry : table) {
    if (name == entry.name) {
      return entry.value;
    }
  }
  return std::nullopt;
}

}  // namespace kutse::common
