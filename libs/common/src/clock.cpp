#include "kutse/common/clock.hpp"

#include <ctime>

namespace kutse::common {
namespace {

using std::chrono::system_clock;

std::tm UtcFields(system_clock::time_point at) {
  // floor, not a cast: an instant before 1970 belongs to the second that began before it.
  std::time_t seconds = std::chrono::floor<std::chrono::seconds>(at.time_since_epoch()).count();
  std::tm fields{};
  gmtime_r(&seconds, &fields);
  return fields;
}

// 01:00 UTC on the last Sunday of a month with 31 days (March, October).
system_clock::time_point LastSundayAtOneUtc(int year, int month) {
  std::tm last{};
  last.tm_year = year - 1900;
  last.tm_mon = month - 1;
  last.tm_mday = 31;
  last.tm_hour = 1;
  std::time_t at = timegm(&last);  // also fills in tm_wday, 0 being Sunday
  return system_clock::from_time_t(at - static_cast<std::time_t>(last.tm_wday) * 86400);
}

}  // namespace

std::chrono::hours TallinnUtcOffset(system_clock::time_point at) {
  int year = UtcFields(at).tm_year + 1900;
  bool summer = at >= LastSundayAtOneUtc(year, 3) && at < LastSundayAtOneUtc(year, 10);
  return std::chrono::hours(summer ? 3 : 2);
}

Date TallinnDate(system_clock::time_point at) {
  std::tm local = UtcFields(at + TallinnUtcOffset(at));
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

const SystemClock& SystemClock::Instance() {
  static const SystemClock clock;
  return clock;
}

system_clock::time_point FakeClock::Now() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return now_;
}

std::chrono::steady_clock::time_point FakeClock::Monotonic() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return monotonic_;
}

void FakeClock::Set(system_clock::time_point at) {
  std::lock_guard<std::mutex> lock(mutex_);
  now_ = at;
}

void FakeClock::Advance(system_clock::duration by) {
  std::lock_guard<std::mutex> lock(mutex_);
  now_ += by;
  monotonic_ += std::chrono::duration_cast<std::chrono::steady_clock::duration>(by);
}

}  // namespace kutse::common
