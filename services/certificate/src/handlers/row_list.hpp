// A request that carries many rows ({"certificates": [...]}) is judged as a whole: every row is
// parsed, the rows that parse are then checked against the register, and any error in any row
// refuses the request with all errors listed under "/certificates/<row>". Shared by batch issuing
// and the historic import.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "domain/field_checks.hpp"
#include "kutse/http/problem.hpp"

namespace kutse::certificate {

inline constexpr size_t kMaxRows = 10000;

template <typename Row>
struct RowList {
  std::vector<std::pair<size_t, Row>> rows;  // each parsed row with its place in the request
  FieldErrors errors;                        // of the rows that did not parse
};

inline std::string RowPointer(size_t row) {
  return "/certificates/" + std::to_string(row);
}

// 422 listing every error, when there is any.
inline void RefuseRowsIfAny(const FieldErrors& errors) {
  if (!errors.empty()) {
    throw http::HttpError(
        http::Problem{422, "validation_failed",
                      "The request was refused as a whole: " + std::to_string(errors.size()) +
                          " error(s); nothing was recorded.",
                      errors});
  }
}

// Throws 422 only when the list itself is missing, empty or too long; row errors are returned.
template <typename Row, typename Parse>
RowList<Row> ParseRowList(const nlohmann::json& body, Parse parse) {
  RowList<Row> list;
  list.errors = UnknownFields(body, {"certificates"});
  if (!body.contains("certificates") || !body["certificates"].is_array() || body["certificates"].empty() ||
      body["certificates"].size() > kMaxRows) {
    list.errors.push_back({"/certificates", "must list 1 to " + std::to_string(kMaxRows) + " certificates"});
    throw http::HttpError(
        http::Problem{422, "validation_failed", "The request is not acceptable.", list.errors});
  }
  list.rows.reserve(body["certificates"].size());
  for (size_t row = 0; row < body["certificates"].size(); ++row) {
    const auto& item = body["certificates"][row];
    if (!item.is_object()) {
      list.errors.push_back({RowPointer(row), "must be an object"});
      continue;
    }
    std::variant<Row, FieldErrors> parsed = parse(item);
    if (auto* row_errors = std::get_if<FieldErrors>(&parsed)) {
      AddPrefixed(list.errors, RowPointer(row), *row_errors);
    } else {
      list.rows.emplace_back(row, std::move(std::get<Row>(parsed)));
    }
  }
  return list;
}

}  // namespace kutse::certificate
