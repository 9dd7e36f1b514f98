#include "kutse/common/clock.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

using namespace kutse::common;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::system_clock;

namespace {

// An instant given in UTC, as a reader checks it against a calendar.
system_clock::time_point Utc(int year, int month, int day, int hour, int minute, int second = 0) {
  std::tm fields{};
  fields.tm_year = year - 1900;
  fields.tm_mon = month - 1;
  fields.tm_mday = day;
  fields.tm_hour = hour;
  fields.tm_min = minute;
  fields.tm_sec = second;
  return system_clock::from_time_t(timegm(&fields));
}

}  // namespace

TEST_CASE("summer time starts at 01:00 UTC on the last Sunday of March") {
  CHECK(TallinnUtcOffset(Utc(2026, 3, 29, 0, 59, 59)) == hours(2));
  CHECK(TallinnUtcOffset(Utc(2026, 3, 29, 1, 0)) == hours(3));
  CHECK(TallinnUtcOffset(Utc(2026, 3, 22, 1, 0)) == hours(2));  // a Sunday, but not the last
  // 31 March 2024 was itself a Sunday.
  CHECK(TallinnUtcOffset(Utc(2024, 3, 31, 0, 59, 59)) == hours(2));
  CHECK(TallinnUtcOffset(Utc(2024, 3, 31, 1, 0)) == hours(3));
  CHECK(TallinnUtcOffset(Utc(2024, 3, 24, 12, 0)) == hours(2));
}

TEST_CASE("summer time ends at 01:00 UTC on the last Sunday of October") {
  CHECK(TallinnUtcOffset(Utc(2026, 10, 25, 0, 59, 59)) == hours(3));
  CHECK(TallinnUtcOffset(Utc(2026, 10, 25, 1, 0)) == hours(2));
  // 31 October 2027 is itself a Sunday.
  CHECK(TallinnUtcOffset(Utc(2027, 10, 31, 0, 59, 59)) == hours(3));
  CHECK(TallinnUtcOffset(Utc(2027, 10, 31, 1, 0)) == hours(2));
  CHECK(TallinnUtcOffset(Utc(2027, 10, 24, 12, 0)) == hours(3));
}

TEST_CASE("the date in Tallinn turns at local midnight, around both changes") {
  // Summer: local midnight is 21:00 UTC.
  CHECK(TallinnDate(Utc(2026, 6, 14, 20, 59, 59)).ToString() == "2026-06-14");
  CHECK(TallinnDate(Utc(2026, 6, 14, 21, 0)).ToString() == "2026-06-15");
  // Winter: 22:00 UTC.
  CHECK(TallinnDate(Utc(2026, 2, 14, 21, 59, 59)).ToString() == "2026-02-14");
  CHECK(TallinnDate(Utc(2026, 2, 14, 22, 0)).ToString() == "2026-02-15");
  // The evening before summer time starts is still winter; the one after is summer.
  CHECK(TallinnDate(Utc(2026, 3, 28, 21, 30)).ToString() == "2026-03-28");
  CHECK(TallinnDate(Utc(2026, 3, 29, 21, 30)).ToString() == "2026-03-30");
  // The evening before summer time ends is still summer; the one after is winter.
  CHECK(TallinnDate(Utc(2026, 10, 24, 21, 30)).ToString() == "2026-10-25");
  CHECK(TallinnDate(Utc(2026, 10, 25, 21, 30)).ToString() == "2026-10-25");
}

TEST_CASE("the year turns in Tallinn two hours before it does in UTC") {
  CHECK(TallinnDate(Utc(2026, 12, 31, 21, 59, 59)).ToString() == "2026-12-31");
  CHECK(TallinnDate(Utc(2026, 12, 31, 22, 0)).ToString() == "2027-01-01");
  CHECK(TallinnDate(Utc(2027, 1, 1, 0, 30)).ToString() == "2027-01-01");
  // A leap year's last day and the instant before 1970 (floored, not truncated).
  CHECK(TallinnDate(Utc(2028, 12, 31, 21, 59, 59)).ToString() == "2028-12-31");
  CHECK(TallinnDate(Utc(1969, 12, 31, 21, 59, 59) + std::chrono::milliseconds(500)).ToString() ==
        "1969-12-31");
}

TEST_CASE("a fake clock stands still until it is set or advanced") {
  FakeClock clock(Utc(2026, 10, 24, 21, 30));
  CHECK(clock.Today().ToString() == "2026-10-25");
  auto monotonic = clock.Monotonic();
  clock.Advance(hours(24));
  CHECK(clock.Today().ToString() == "2026-10-25");  // the same evening in winter time is still the 25th
  CHECK(clock.Monotonic() - monotonic == hours(24));
  clock.Set(Utc(2026, 1, 1, 12, 0));
  CHECK(clock.Now() == Utc(2026, 1, 1, 12, 0));
  CHECK(clock.Monotonic() - monotonic == hours(24));  // setting the wall clock is no time passing
}

TEST_CASE("a fake clock can be advanced from several threads at once") {
  FakeClock clock(Utc(2026, 1, 1, 0, 0));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) {
        clock.Advance(seconds(1));
        (void)clock.Now();
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  CHECK(clock.Now() == Utc(2026, 1, 1, 1, 6, 40));  // 4000 s later
}
