#include "kutse/common/clock.hpp"

namespace kutse::common {
namespace {

using std::chrono::hours;
using std::chrono::system_clock;

// 01:00 UTC on the last Sunday of the month: when EU summer time starts (March) and ends (October).
system_clock::time_point LastSundayOneUtc(int year, int month) {
  Date last{year, month, 31};  // March and October both have 31 days
  long days = DaysSinceEpoch(last);
  long weekday = (days + 4) % 7;  // 1970-01-01 was a Thursday; 0 is Sunday
  days -= weekday;
  return system_clock::time_point(hours(days * 24 + 1));
}

}  // namespace

Date Clock::TallinnDate(system_clock::time_point at) {
  auto floor_days = [](system_clock::time_point t) {
    auto h = std::chrono::duration_cast<hours>(t.time_since_epoch()).count();
    return h >= 0 ? h / 24 : (h - 23) / 24;
  };
  Date utc_day = AddDays(Date{1970, 1, 1}, floor_days(at));
  bool summer = at >= LastSundayOneUtc(utc_day.year, 3) && at < LastSundayOneUtc(utc_day.year, 10);
  auto local = at + hours(summer ? 3 : 2);
  return AddDays(Date{1970, 1, 1}, floor_days(local));
}

const SystemClock& SystemClock::Instance() {
  static const SystemClock clock;
  return clock;
}

system_clock::time_point FakeClock::Now() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return now_;
}

void FakeClock::Set(system_clock::time_point at) {
  std::lock_guard<std::mutex> lock(mutex_);
  now_ = at;
}

void FakeClock::Advance(system_clock::duration by) {
  std::lock_guard<std::mutex> lock(mutex_);
  now_ += by;
}

}  // namespace kutse::common
