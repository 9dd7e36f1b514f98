#include "domain/digest_day.hpp"

#include "kutse/common/clock.hpp"

namespace kutse::notification {

common::Date DigestDayOf(std::chrono::system_clock::time_point created, int digest_hour) {
  // Moving the instant on by (24 − hour) makes the digest hour the local midnight.
  return common::TallinnDate(created + std::chrono::hours(24 - digest_hour));
}

common::Date LastDueDigestDay(std::chrono::system_clock::time_point now, int digest_hour) {
  return common::AddDays(DigestDayOf(now, digest_hour), -1);
}

}  // namespace kutse::notification
