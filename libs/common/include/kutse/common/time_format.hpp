// ISO 8601 formatting and parsing of timestamps and calendar dates, always in UTC.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace kutse::common {

// 2026-11-27T09:31:19.123Z
std::string FormatTimestamp(std::chrono::system_clock::time_point at);

// A calendar date YYYY-MM-DD that exists (leap years included).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  std::string ToString() const;
  bool operator==(const Date& other) const {
    return year == other.year && month == other.month && day == other.day;
  }
  bool operator<(const Date& other) const;
};

bool IsValidDate(int year, int month, int day);
std::optional<Date> ParseDate(const std::string& text);

// Calendar arithmetic on the proleptic Gregorian calendar.
Date AddDays(const Date& date, long days);
// Days from 1970-01-01 to `date` (negative before it).
long DaysSinceEpoch(const Date& date);
// The day before the same date `years` later: the last day of a validity of that many years
// (2024-03-01 + 5 years → 2029-02-28; from 29 February the period ends on 28 February).
Date LastDayOfYears(const Date& from, int years);

}  // namespace kutse::common
