#include "kutse/common/time_format.hpp"

#include <cstdio>
#include <ctime>
#include <tuple>

namespace kutse::common {

std::string FormatTimestamp(std::chrono::system_clock::time_point at) {
  auto seconds = std::chrono::time_point_cast<std::chrono::seconds>(at);
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(at - seconds).count();
  std::time_t t = std::chrono::system_clock::to_time_t(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(millis));
  return buffer;
}

std::string Date::ToString() const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

bool Date::operator<(const Date& other) const {
  return std::tie(year, month, day) < std::tie(other.year, other.month, other.day);
}

bool IsValidDate(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int limit = kDays[month - 1] + ((month == 2 && leap) ? 1 : 0);
  return day <= limit;
}

std::optional<Date> ParseDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') {
      return std::nullopt;
    }
  }
  Date date{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)), std::stoi(text.substr(8, 2))};
  if (!IsValidDate(date.year, date.month, date.day)) {
    return std::nullopt;
  }
  return date;
}

}  // namespace kutse::common
