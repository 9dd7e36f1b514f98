// The state portal's daily digests: for each person and day whose digest hour has come, every notice
// held for it becomes one message listing them all, in one transaction that takes the held rows FOR
// UPDATE SKIP LOCKED (two replicas, or a run and an admin's, never list a notice twice).
#pragma once

#include <optional>

#include "kutse/common/clock.hpp"
#include "kutse/common/time_format.hpp"
#include "kutse/db/pool.hpp"
#include "notification_settings.hpp"

namespace kutse::notification::app {

// up_to: the last day to make digests for; nullopt: the last whose hour has come. How many it made.
int MakeDueDigests(db::Pool& pool, const NotificationSettings& settings, const common::Clock& clock,
                   const std::optional<common::Date>& up_to);

}  // namespace kutse::notification::app
