// Which day's digest a notice goes into, and which digests are due: a day's digest is sent at the
// digest hour (Estonian time) of that day and takes every notice since the one before, so a notice
// after the hour waits for the next day's. No I/O.
#pragma once

#include <chrono>

#include "kutse/common/time_format.hpp"

namespace kutse::notification {

// The day of the first digest hour after `created`.
common::Date DigestDayOf(std::chrono::system_clock::time_point created, int digest_hour);
// The latest day whose digest hour has come at `now`.
common::Date LastDueDigestDay(std::chrono::system_clock::time_point now, int digest_hour);

}  // namespace kutse::notification
