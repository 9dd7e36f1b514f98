// Reading a request of many rows ({"certificates": [...]}): every row is parsed, each error kept
// under its row's pointer, so the request can be judged as a whole (domain/row_list.hpp).
#pragma once

#include <nlohmann/json.hpp>

#include "domain/row_list.hpp"
#include "kutse/common/status.hpp"
#include "kutse/http/json_fields.hpp"

namespace kutse::certificate::dto {

inline constexpr size_t kMaxRows = 10000;

// Refused only when the list itself is missing, empty or too long; row errors are returned in it.
template <typename Row, typename Parse>
common::StatusOr<RowList<Row>> ParseRowList(const nlohmann::json& body, Parse parse) {
  RowList<Row> list;
  list.errors = http::UnknownFields(body, {"certificates"});
  if (!body.contains("certificates") || !body["certificates"].is_array() || body["certificates"].empty() ||
      body["certificates"].size() > kMaxRows) {
    list.errors.push_back({"/certificates", common::Msg("rows.count", {{"max", std::to_string(kMaxRows)}})});
    return http::InvalidFields(std::move(list.errors), common::Msg("rows.not_acceptable"));
  }
  list.rows.reserve(body["certificates"].size());
  for (size_t row = 0; row < body["certificates"].size(); ++row) {
    const auto& item = body["certificates"][row];
    if (!item.is_object()) {
      list.errors.push_back({RowPointer(row), common::Msg("http.not_an_object")});
      continue;
    }
    common::StatusOr<Row> parsed = parse(item);
    if (!parsed.ok()) {
      AddRowErrors(list.errors, row, parsed.status().field_errors());
    } else {
      list.rows.emplace_back(row, std::move(parsed).value());
    }
  }
  return list;
}

}  // namespace kutse::certificate::dto
