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

namespace {

// Days since 1970-01-01 and back, counted in 400-year eras of 146,097 days with March as the first
// month, so that the leap day falls at the end of the year.
long DaysFromCivil(int year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long year_of_era = year - era * 400;
  const long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

Date CivilFromDays(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long day_of_era = days - era * 146097;
  const long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long month_index = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
  const int month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
  const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
  return Date{year, month, day};
}

}  // namespace

Date AddDays(const Date& date, long days) {
  return CivilFromDays(DaysFromCivil(date.year, date.month, date.day) + days);
}

Date LastDayOfYears(const Date& from, int years) {
  Date later{from.year + years, from.month, from.day};
  if (!IsValidDate(later.year, later.month, later.day)) {  // 29 February into a common year
    later = Date{later.year, 3, 1};
  }
  return AddDays(later, -1);
}

long DaysSinceEpoch(const Date& date) {
  return DaysFromCivil(date.year, date.month, date.day);
}

}  // namespace kutse::common
