#include "domain/notice_cursor.hpp"

#include <regex>

#include "kutse/auth/base64url.hpp"
#include "kutse/common/ids.hpp"

namespace kutse::notification {

std::string EncodeCursor(const NoticeCursor& cursor) {
  return auth::Base64UrlEncode(cursor.created_at + "|" + cursor.id);
}

std::optional<NoticeCursor> DecodeCursor(const std::string& text) {
  if (text.size() > 200) {
    return std::nullopt;
  }
  auto decoded = auth::Base64UrlDecode(text);
  if (!decoded) {
    return std::nullopt;
  }
  size_t bar = decoded->find('|');
  if (bar == std::string::npos) {
    return std::nullopt;
  }
  NoticeCursor cursor{decoded->substr(0, bar), decoded->substr(bar + 1)};
  static const std::regex kTimestamp(R"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?)");
  if (!std::regex_match(cursor.created_at, kTimestamp) || !common::IsUuid(cursor.id)) {
    return std::nullopt;
  }
  return cursor;
}

}  // namespace kutse::notification
