// What the certificate service's parser tests compare: the JSON pointers of a parse's field errors.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "domain/field_checks.hpp"

namespace kutse::certificate::testing {

// In the order the parser reported them.
inline std::vector<std::string> ErrorPointers(const FieldErrors& errors) {
  std::vector<std::string> pointers;
  for (const auto& error : errors) {
    pointers.push_back(error.pointer);
  }
  return pointers;
}

// None when the parse succeeded.
template <typename Parsed>
std::vector<std::string> ErrorPointers(const std::variant<Parsed, FieldErrors>& result) {
  const auto* errors = std::get_if<FieldErrors>(&result);
  return errors != nullptr ? ErrorPointers(*errors) : std::vector<std::string>{};
}

}  // namespace kutse::certificate::testing
