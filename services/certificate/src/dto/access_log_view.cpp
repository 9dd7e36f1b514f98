#include "dto/access_log_view.hpp"

#include "kutse/common/json_or_null.hpp"
#include "kutse/http/page_cursor.hpp"

namespace kutse::certificate::dto {

namespace {

// The key of the log's pages: the id of the last entry of the page before.
const http::PageCursor& PageFormat() {
  static const http::PageCursor format("certificate.data_access_log", {http::CursorType::kInteger});
  return format;
}

}  // namespace

common::StatusOr<std::optional<long long>> AccessLogCursor(const http::Request& request) {
  return PageFormat().DecodePositive(request.QueryParam("cursor"));
}

nlohmann::json AccessLogPage(std::vector<AccessEntry> entries, int limit) {
  nlohmann::json next = nullptr;
  if (static_cast<int>(entries.size()) > limit) {
    entries.pop_back();
    next = PageFormat().Encode({entries.back().id});
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
    if (entry.request_id) {
      items.back()["request_id"] = *entry.request_id;  // a read of this request of the holder's
    }
  }
  return {{"items", items}, {"next_cursor", next}};
}

}  // namespace kutse::certificate::dto
