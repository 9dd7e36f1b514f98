#include "kutse/common/time_format.hpp"

#include <catch2/catch.hpp>

using kutse::common::ParseDate;

TEST_CASE("dates parse only when they exist") {
  REQUIRE(ParseDate("2024-02-29").has_value());
  REQUIRE_FALSE(ParseDate("2023-02-29").has_value());
  REQUIRE_FALSE(ParseDate("2023-13-01").has_value());
  REQUIRE_FALSE(ParseDate("2023-1-01").has_value());
  REQUIRE_FALSE(ParseDate("20230101").has_value());
  REQUIRE(ParseDate("1999-12-31")->ToString() == "1999-12-31");
  REQUIRE(*ParseDate("2020-01-01") < *ParseDate("2020-01-02"));
}

TEST_CASE("timestamps are UTC with milliseconds") {
  auto at = std::chrono::system_clock::time_point(std::chrono::milliseconds(1700000000123LL));
  REQUIRE(kutse::common::FormatTimestamp(at) == "2023-11-14T22:13:20.123Z");
}

TEST_CASE("AddDays crosses months, years and leap days") {
  using kutse::common::AddDays;
  using kutse::common::Date;
  CHECK(AddDays(Date{2024, 2, 28}, 1).ToString() == "2024-02-29");
  CHECK(AddDays(Date{2023, 2, 28}, 1).ToString() == "2023-03-01");
  CHECK(AddDays(Date{2026, 12, 31}, 1).ToString() == "2027-01-01");
  CHECK(AddDays(Date{2027, 1, 1}, -1).ToString() == "2026-12-31");
  CHECK(AddDays(Date{1970, 1, 1}, 0).ToString() == "1970-01-01");
  CHECK(AddDays(Date{1965, 3, 1}, -1).ToString() == "1965-02-28");
  CHECK(AddDays(Date{2000, 1, 1}, 366).ToString() == "2001-01-01");
}

TEST_CASE("LastDayOfYears ends the day before the same date years later") {
  using kutse::common::Date;
  using kutse::common::LastDayOfYears;
  CHECK(LastDayOfYears(Date{2026, 1, 1}, 5).ToString() == "2030-12-31");
  CHECK(LastDayOfYears(Date{2024, 3, 1}, 5).ToString() == "2029-02-28");
  CHECK(LastDayOfYears(Date{2024, 2, 29}, 5).ToString() == "2029-02-28");
  CHECK(LastDayOfYears(Date{2024, 2, 29}, 4).ToString() == "2028-02-28");
}
