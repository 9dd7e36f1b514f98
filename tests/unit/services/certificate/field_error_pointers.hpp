// What the certificate service's parser and rule tests compare: the JSON pointers of a refusal's
// field errors.
#pragma once

#include <string>
#include <vector>

#include "kutse/common/status.hpp"

namespace kutse::certificate::testing {

// In the order they were reported.
inline std::vector<std::string> ErrorPointers(const common::FieldErrors& errors) {
  std::vector<std::string> pointers;
  for (const auto& error : errors) {
    pointers.push_back(error.pointer);
  }
  return pointers;
}

inline std::vector<std::string> ErrorPointers(const common::Status& status) {
  return ErrorPointers(status.field_errors());
}

// None when it succeeded.
template <typename T>
std::vector<std::string> ErrorPointers(const common::StatusOr<T>& result) {
  return ErrorPointers(result.status());
}

}  // namespace kutse::certificate::testing
