#include "pdf/pdf_date.hpp"

#include <cstdio>
#include <ctime>

#include "kutse/common/time_format.hpp"

namespace kutse::stamping::pdf {

std::string PdfDate(std::chrono::system_clock::time_point at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[64];  // room for any int the compiler cannot rule out
  std::snprintf(text, sizeof text, "D:%04d%02d%02d%02d%02d%02d+00'00'", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
  return text;
}

namespace {

// `count` digits at `at` as a number; -1 when they are not all digits or the text is shorter.
int Digits(std::string_view text, size_t at, size_t count) {
  if (at + count > text.size()) {
    return -1;
  }
  int value = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return -1;
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> ParsePdfDate(std::string_view text) {
  if (text.substr(0, 2) == "D:") {
    text.remove_prefix(2);
  }
  const int year = Digits(text, 0, 4);
  if (year < 1) {
    return std::nullopt;
  }
  // Month, day, hour, minute, second: each optional, but only in order.
  int fields[5] = {1, 1, 0, 0, 0};
  size_t at = 4;
  for (int& field : fields) {
    const int value = Digits(text, at, 2);
    if (value < 0) {
      break;
    }
    field = value;
    at += 2;
  }
  int offset_minutes = 0;
  if (at < text.size()) {
    const char sign = text[at];
    if (sign == 'Z' && at + 1 == text.size()) {
      at += 1;
    } else if (sign == '+' || sign == '-') {
      const int hours = Digits(text, at + 1, 2);
      int minutes = 0;
      size_t end = at + 3;
      if (end < text.size() && text[end] == '\'') {
        minutes = Digits(text, end + 1, 2);
        end += 3;
        if (end < text.size() && text[end] == '\'') {
          ++end;
        }
      }
      if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || end != text.size()) {
        return std::nullopt;
      }
      offset_minutes = (sign == '+' ? 1 : -1) * (hours * 60 + minutes);
      at = end;
    }
  }
  const auto [month, day, hour, minute, second] = fields;
  if (at != text.size() || !common::IsValidDate(year, month, day) || hour > 23 || minute > 59 ||
      second > 59) {
    return std::nullopt;
  }
  std::tm fields_utc{};
  fields_utc.tm_year = year - 1900;
  fields_utc.tm_mon = month - 1;
  fields_utc.tm_mday = day;
  fields_utc.tm_hour = hour;
  fields_utc.tm_min = minute;
  fields_utc.tm_sec = second;
  return std::chrono::system_clock::from_time_t(timegm(&fields_utc)) - std::chrono::minutes(offset_minutes);
}

}  // namespace kutse::stamping::pdf
