#include "kutse/common/clock.hpp"

#include <catch2/catch.hpp>
#include <thread>
#include <vector>

using namespace kutse::common;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::system_clock;

namespace {

// A UTC instant given as date and time.
system_clock::time_point Utc(int year, int month, int day, int hour, int minute = 0) {
  return system_clock::time_point(hours(DaysSinceEpoch(Date{year, month, day}) * 24 + hour) +
                                  minutes(minute));
}

}  // namespace

TEST_CASE("Estonia's date is UTC+2 in winter and UTC+3 in summer") {
  REQUIRE(Clock::TallinnDate(Utc(2026, 1, 15, 21, 59)) == Date{2026, 1, 15});
  REQUIRE(Clock::TallinnDate(Utc(2026, 1, 15, 22, 0)) == Date{2026, 1, 16});
  REQUIRE(Clock::TallinnDate(Utc(2026, 7, 15, 20, 59)) == Date{2026, 7, 15});
  REQUIRE(Clock::TallinnDate(Utc(2026, 7, 15, 21, 0)) == Date{2026, 7, 16});
}

TEST_CASE("summer time starts and ends at 01:00 UTC on the last Sundays of March and October") {
  // 2026: 29 March and 25 October are the last Sundays.
  REQUIRE(Clock::TallinnDate(Utc(2026, 3, 28, 21, 30)) == Date{2026, 3, 28});    // still winter: 23:30
  REQUIRE(Clock::TallinnDate(Utc(2026, 3, 29, 21, 30)) == Date{2026, 3, 30});    // summer: 00:30 next day
  REQUIRE(Clock::TallinnDate(Utc(2026, 10, 24, 21, 30)) == Date{2026, 10, 25});  // summer: 00:30
  REQUIRE(Clock::TallinnDate(Utc(2026, 10, 25, 21, 30)) == Date{2026, 10, 25});  // winter again: 23:30
}

TEST_CASE("the year turns at 22:00 UTC on New Year's Eve") {
  REQUIRE(Clock::TallinnDate(Utc(2026, 12, 31, 21, 59)) == Date{2026, 12, 31});
  REQUIRE(Clock::TallinnDate(Utc(2026, 12, 31, 22, 0)) == Date{2027, 1, 1});
  REQUIRE(Clock::TallinnDate(Utc(2024, 2, 28, 22, 0)) == Date{2024, 2, 29});
}

TEST_CASE("a fake clock stands still until it is set or advanced, also across threads") {
  FakeClock clock(Utc(2026, 12, 2, 10));
  REQUIRE(clock.Now() == Utc(2026, 12, 2, 10));
  REQUIRE(clock.Today() == Date{2026, 12, 2});
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&clock] {
      for (int k = 0; k < 100; ++k) {
        clock.Advance(minutes(1));
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  REQUIRE(clock.Now() == Utc(2026, 12, 2, 16, 40));
  clock.Set(Utc(2027, 6, 1, 0));
  REQUIRE(clock.Today() == Date{2027, 6, 1});
}
