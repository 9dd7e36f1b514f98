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
