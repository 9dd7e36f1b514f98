#include "dto/stamp_view.hpp"

#include "kutse/common/json_or_null.hpp"
#include "kutse/http/page_cursor.hpp"

namespace kutse::stamping::dto {
namespace {

const http::PageCursor& PageFormat() {
  static const http::PageCursor format("stamping.stamps", {http::CursorType::kInteger});
  return format;
}

}  // namespace

nlohmann::json StampView(const Stamp& stamp, const std::string& public_url) {
  return {{"id", stamp.id},
          {"certificate_number", stamp.certificate_number},
          {"format", stamp.format},
          {"language", stamp.language},
          {"level", stamp.level},
          {"created_at", stamp.created_at},
          {"verification_url", public_url + "/verify/" + stamp.verification_code},
          {"withdrawn", stamp.withdrawn_at.has_value()},
          {"withdrawn_at", common::JsonOrNull(stamp.withdrawn_at)}};
}

nlohmann::json StampPage(std::vector<Stamp> stamps, int limit, const std::string& public_url) {
  nlohmann::json next = nullptr;
  if (static_cast<int>(stamps.size()) > limit) {
    stamps.pop_back();
    next = PageFormat().Encode({stamps.back().seq});
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& stamp : stamps) {
    items.push_back(StampView(stamp, public_url));
  }
  return {{"items", items}, {"next_cursor", next}};
}

common::StatusOr<std::optional<long long>> StampCursor(const std::optional<std::string>& cursor) {
  return PageFormat().DecodePositive(cursor);
}

}  // namespace kutse::stamping::dto
