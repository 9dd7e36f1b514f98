// The one clock of every job, handler and test: "now" and the register's "today" (the calendar date
// in Estonia) come from here and are passed into rules and SQL as values, so a test can set them.
#pragma once

#include <chrono>
#include <mutex>

#include "kutse/common/time_format.hpp"

namespace kutse::common {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() const = 0;
  // The date in Europe/Tallinn (EET, EEST from the last Sunday of March to the last of October).
  Date Today() const { return TallinnDate(Now()); }

  static Date TallinnDate(std::chrono::system_clock::time_point at);
};

class SystemClock : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override { return std::chrono::system_clock::now(); }
  static const SystemClock& Instance();
};

// A clock that stands still until a test sets or advances it; safe from several threads.
class FakeClock : public Clock {
 public:
  explicit FakeClock(std::chrono::system_clock::time_point start) : now_(start) {}
  std::chrono::system_clock::time_point Now() const override;
  void Set(std::chrono::system_clock::time_point at);
  void Advance(std::chrono::system_clock::duration by);

 private:
  mutable std::mutex mutex_;
  std::chrono::system_clock::time_point now_;
};

}  // namespace kutse::common
