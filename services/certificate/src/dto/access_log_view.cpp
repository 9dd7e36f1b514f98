#include "dto/access_log_view.hpp"

#include <limits>

#include "kutse/common/json_or_null.hpp"
#include "kutse/http/query.hpp"

namespace kutse::certificate::dto {

common::StatusOr<std::optional<long long>> AccessLogCursor(const http::Request& request) {
  auto cursor = request.QueryParam("cursor");
  if (!cursor) {
    return std::optional<long long>();
  }
  auto before = http::ParsePositive(*cursor, std::numeric_limits<long long>::max());
  if (!before) {
    return http::BadQuery("/cursor", common::Msg("http.unknown_cursor"));
  }
  return std::optional<long long>(*before);
}

nlohmann::json AccessLogPage(std::vector<AccessEntry> entries, int limit) {
  nlohmann::json next = nullptr;
  if (static_cast<int>(entries.size()) > limit) {
    entries.pop_back();
    next = std::to_string(entries.back().id);
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& entry : entries) {
    items.push_back({{"id", entry.id},
                     {"accessed_at", entry.accessed_at},
                     {"accessed_by", entry.accessed_by},
                     {"role", entry.role},
                     {"awarding_body_id", common::JsonOrNull(entry.awarding_body_id)},
                     {"purpose", entry.purpose},
                     {"certificate_number", entry.certificate_number}});
  }
  return {{"items", items}, {"next_cursor", next}};
}

}  // namespace kutse::certificate::dto
