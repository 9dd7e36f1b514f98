#include "domain/notice_cursor.hpp"

#include <cstdio>
#include <ctime>
#include <stdexcept>

#include "kutse/common/ids.hpp"
#include "kutse/common/time_format.hpp"
#include "kutse/http/page_cursor.hpp"

namespace kutse::notification {
namespace {

const http::PageCursor& Format() {
  static const http::PageCursor format("notification.notices",
                                       {http::CursorType::kTimestamp, http::CursorType::kText});
  return format;
}

bool AllDigits(const std::string& text, size_t from, size_t count) {
  for (size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return false;
    }
  }
  return true;
}

// "2026-11-27 09:44:11" with 0 to 6 fraction digits, as (created_at AT TIME ZONE 'UTC')::text reads.
http::CursorTimestamp ParseTimestamp(const std::string& text) {
  bool shaped = text.size() >= 19 && text[4] == '-' && text[7] == '-' && text[10] == ' ' && text[13] == ':' &&
                text[16] == ':' && AllDigits(text, 0, 4) && AllDigits(text, 5, 2) && AllDigits(text, 8, 2) &&
                AllDigits(text, 11, 2) && AllDigits(text, 14, 2) && AllDigits(text, 17, 2);
  size_t fraction_digits = text.size() > 19 ? text.size() - 20 : 0;
  if (text.size() > 19) {
    shaped = shaped && text[19] == '.' && fraction_digits >= 1 && fraction_digits <= 6 &&
             AllDigits(text, 20, fraction_digits);
  }
  auto date = shaped ? common::ParseDate(text.substr(0, 10)) : std::nullopt;
  int hour = shaped ? std::stoi(text.substr(11, 2)) : 0;
  int minute = shaped ? std::stoi(text.substr(14, 2)) : 0;
  int second = shaped ? std::stoi(text.substr(17, 2)) : 0;
  if (!date || hour > 23 || minute > 59 || second > 59) {
    throw std::invalid_argument("not a timestamp as PostgreSQL prints one");
  }
  std::tm fields{};
  fields.tm_year = date->year - 1900;
  fields.tm_mon = date->month - 1;
  fields.tm_mday = date->day;
  fields.tm_hour = hour;
  fields.tm_min = minute;
  fields.tm_sec = second;
  long long micros = 0;
  for (size_t i = 0; i < 6; ++i) {
    micros = micros * 10 + (i < fraction_digits ? text[20 + i] - '0' : 0);
  }
  return http::CursorTimestamp(std::chrono::seconds(timegm(&fields))) + std::chrono::microseconds(micros);
}

std::string FormatTimestamp(http::CursorTimestamp at) {
  auto seconds = std::chrono::floor<std::chrono::seconds>(at);
  std::time_t whole = seconds.time_since_epoch().count();
  std::tm fields{};
  gmtime_r(&whole, &fields);
  char buffer[96];  // room for any int the compiler cannot rule out
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d:%02d.%06lld", fields.tm_year + 1900,
                fields.tm_mon + 1, fields.tm_mday, fields.tm_hour, fields.tm_min, fields.tm_sec,
                static_cast<long long>((at - seconds).count()));
  return buffer;
}

}  // namespace

std::string EncodeCursor(const NoticeCursor& cursor) {
  if (!common::IsUuid(cursor.id)) {
    throw std::invalid_argument("a notice id that is not a uuid");
  }
  return Format().Encode({ParseTimestamp(cursor.created_at), cursor.id});
}

common::StatusOr<NoticeCursor> DecodeCursor(const std::string& text) {
  auto key = Format().Decode(text);
  if (!key.ok()) {
    return key.status();
  }
  const auto& id = std::get<std::string>(key->at(1));
  if (!common::IsUuid(id)) {
    // Well-formed, but no notice has such an id: the same answer as for any cursor not ours.
    return http::PageCursor::Refusal();
  }
  return NoticeCursor{FormatTimestamp(std::get<http::CursorTimestamp>(key->at(0))), id};
}

}  // namespace kutse::notification
