// Keyset pagination's one cursor format: the sort key of the last row of a page (text, whole
// numbers, timestamps), tagged with the kind of list it belongs to, as an opaque base64url token.
// Decoding is strict: only what Encode made for the same kind comes back, anything else (bad
// base64, another kind, other types or count, over-long, control characters, invalid UTF-8, a
// re-spelt but equivalent token) is invalid argument with reason bad_request and a field error at
// /cursor. The token is not signed: decoding it shows the key of a row its holder has already seen,
// and forging one only moves a page within what the holder may list anyway. No I/O.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "kutse/common/status.hpp"

namespace kutse::http {

inline constexpr size_t kMaxCursorLength = 1024;

// PostgreSQL's precision, so that a key read from a timestamptz column goes back into it unchanged.
using CursorTimestamp = std::chrono::time_point<std::chrono::system_clock, std::chrono::microseconds>;
using CursorValue = std::variant<std::string, long long, CursorTimestamp>;
enum class CursorType { kText, kInteger, kTimestamp };

class PageCursor {
 public:
  // `kind` names the list (e.g. "notification.notices"); `types` is its sort key, in order.
  PageCursor(std::string kind, std::vector<CursorType> types);

  // Throws std::invalid_argument for a key that Decode would refuse: a bug of the list, not of the
  // client (wrong count or types, text with control characters or invalid UTF-8, timestamps outside
  // years 1 to 9999, a token over kMaxCursorLength).
  std::string Encode(const std::vector<CursorValue>& key) const;
  common::StatusOr<std::vector<CursorValue>> Decode(const std::string& cursor) const;
  // Decode's refusal, for a list that finds more wrong with a decoded key (an id of the wrong form).
  static common::Status Refusal();
  // For a list keyed by one positive whole number (a row's id or sequence): nullopt when no cursor
  // was sent, the number when it is one this list made, the refusal otherwise.
  common::StatusOr<std::optional<long long>> DecodePositive(const std::optional<std::string>& cursor) const;

 private:
  std::string kind_;
  std::vector<CursorType> types_;
};

// One page of a keyset list. The query asks for limit + 1 rows: the extra one only tells that there
// is a next page, whose cursor is the key of the page's last row.
template <typename Row>
struct KeysetPage {
  std::vector<Row> items;
  std::optional<std::string> next_cursor;
};

template <typename Row, typename KeyOf>
KeysetPage<Row> TakePage(std::vector<Row> rows, int limit, const PageCursor& cursor, KeyOf key_of) {
  KeysetPage<Row> page;
  bool more = limit >= 0 && rows.size() > static_cast<size_t>(limit);
  if (more) {
    rows.resize(static_cast<size_t>(limit));
  }
  page.items = std::move(rows);
  if (more && !page.items.empty()) {
    page.next_cursor = cursor.Encode(key_of(page.items.back()));
  }
  return page;
}

}  // namespace kutse::http
