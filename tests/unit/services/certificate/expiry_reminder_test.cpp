// The 6-month reminder's horizon: the same day six calendar months on, the month's last day when it
// is shorter, across a year's end and leap years.
#include "domain/expiry_reminder.hpp"

#include <catch2/catch.hpp>

using kutse::certificate::ExpiryReminderHorizon;
using kutse::common::Date;

TEST_CASE("the reminder horizon is the same day six calendar months later", "[expiry_reminder]") {
  CHECK(ExpiryReminderHorizon(Date{2026, 1, 15}).ToString() == "2026-07-15");
  CHECK(ExpiryReminderHorizon(Date{2026, 6, 30}).ToString() == "2026-12-30");
}

TEST_CASE("the reminder horizon crosses the year's end", "[expiry_reminder]") {
  CHECK(ExpiryReminderHorizon(Date{2026, 7, 1}).ToString() == "2027-01-01");
  CHECK(ExpiryReminderHorizon(Date{2026, 12, 3}).ToString() == "2027-06-03");
}

TEST_CASE("a day the target month lacks becomes that month's last day", "[expiry_reminder]") {
  CHECK(ExpiryReminderHorizon(Date{2026, 8, 31}).ToString() == "2027-02-28");
  CHECK(ExpiryReminderHorizon(Date{2027, 8, 31}).ToString() == "2028-02-29");
  CHECK(ExpiryReminderHorizon(Date{2026, 12, 31}).ToString() == "2027-06-30");
}
