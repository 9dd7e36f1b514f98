// What the handlers of the mail channels share: the database, the service's settings and its clock.
#pragma once

#include "kutse/common/clock.hpp"
#include "kutse/db/pool.hpp"
#include "notification_settings.hpp"

namespace kutse::notification {

struct MailContext {
  db::Pool& pool;
  NotificationSettings settings;  // a copy: the context outlives Configure's local
  const common::Clock& clock;
};

}  // namespace kutse::notification
