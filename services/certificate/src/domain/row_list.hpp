// The rows of a request that carries many (a batch of certificates, a file of the old register),
// judged as a whole: the rows that were read, with their place in the request, and the errors of
// those that were not. Any error in any row refuses the whole request, every error listed under
// "/certificates/<row>". No I/O.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "kutse/common/status.hpp"

namespace kutse::certificate {

template <typename Row>
struct RowList {
  std::vector<std::pair<size_t, Row>> rows;
  common::FieldErrors errors;
};

inline std::string RowPointer(size_t row) {
  return "/certificates/" + std::to_string(row);
}

// The errors of one row under its pointer.
inline void AddRowErrors(common::FieldErrors& into, size_t row, const common::FieldErrors& errors) {
  for (const auto& error : errors) {
    into.push_back({RowPointer(row) + error.pointer, error.detail});
  }
}

// The refusal of a whole request for these errors (none: OK).
inline common::Status RowsRefused(common::FieldErrors errors) {
  if (errors.empty()) {
    return common::OkStatus();
  }
  const std::string count = std::to_string(errors.size());
  return common::InvalidArgument(common::Msg("rows.refused", {{"count", count}}), std::move(errors));
}

}  // namespace kutse::certificate
