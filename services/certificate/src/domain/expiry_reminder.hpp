// "Your certificate expires in 6 months" (proto-docs/domain.md, Notifications): the register tells a
// holder once per certificate when its validity ends within six calendar months, also when it was
// issued with less than that left. Not for an open-ended certificate, nor for one no longer in use
// (invalidated, annulled, expired, or replaced by a duplicate, which carries the validity on); the
// store selects those (db/sql.hpp, kRemindExpiring) with the horizon from here. No I/O.
#pragma once

#include "kutse/common/time_format.hpp"

namespace kutse::certificate {

inline constexpr int kExpiryReminderMonths = 6;

// The last valid-until that is reminded of on `today`: the same day six calendar months on, or the
// last day of that month when it is shorter (31 August → 28 or 29 February).
common::Date ExpiryReminderHorizon(const common::Date& today);

}  // namespace kutse::certificate
