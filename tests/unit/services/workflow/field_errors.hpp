// The pointers of a refusal's field errors, in the order they were reported: what the workflow's
// input tests compare.
#pragma once

#include <string>
#include <vector>

#include "kutse/common/status.hpp"

namespace kutse::workflow::testing {

inline std::vector<std::string> ErrorPointers(const common::Status& status) {
  std::vector<std::string> pointers;
  for (const auto& error : status.field_errors()) {
    pointers.push_back(error.pointer);
  }
  return pointers;
}

}  // namespace kutse::workflow::testing
