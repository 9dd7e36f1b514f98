// The one clock of jobs, handlers, rules and tests: "now", the register's "today" (the calendar date
// in Estonia) and a monotonic reading for intervals. They are passed into SQL and rules as values
// instead of now() in SQL, so that a test sets them with a FakeClock.
//
// Estonia's date comes from a small pure function of the EU summer-time rule (Directive 2000/84/EC:
// from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October, UTC+3, else
// UTC+2) rather than from Debian 12's libhowardhinnant-date-dev: its time-zone part is a compiled
// library (libdate-tz3) that reads the OS tz database at run time, a new shared library and data for
// every service image to carry, for the one zone and the present-day rule we need. The rule is
// correct from 2002 on (Estonia kept no summer time in 2000-2001); should the EU end clock changes,
// TallinnUtcOffset is the one place to change.
#pragma once

#include <chrono>
#include <mutex>

#include "kutse/common/time_format.hpp"

namespace kutse::common {

// UTC+3 in EU summer time, UTC+2 otherwise.
std::chrono::hours TallinnUtcOffset(std::chrono::system_clock::time_point at);
// The calendar date in Estonia at that instant.
Date TallinnDate(std::chrono::system_clock::time_point at);

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() const = 0;
  // For measuring intervals (budgets, timeouts, durations): never jumps when the wall clock is set.
  virtual std::chrono::steady_clock::time_point Monotonic() const = 0;
  Date Today() const { return TallinnDate(Now()); }
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override { return std::chrono::system_clock::now(); }
  std::chrono::steady_clock::time_point Monotonic() const override {
    return std::chrono::steady_clock::now();
  }
  static const SystemClock& Instance();
};

// Stands still until a test moves it; safe to read and move from several threads.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::chrono::system_clock::time_point start) : now_(start) {}
  std::chrono::system_clock::time_point Now() const override;
  std::chrono::steady_clock::time_point Monotonic() const override;
  // Sets the wall clock, as an operator or NTP would: the monotonic reading does not move.
  void Set(std::chrono::system_clock::time_point at);
  // Time passes: both readings move on.
  void Advance(std::chrono::system_clock::duration by);

 private:
  mutable std::mutex mutex_;
  std::chrono::system_clock::time_point now_;
  std::chrono::steady_clock::time_point monotonic_{};
};

}  // namespace kutse::common
