#include "domain/expiry_reminder.hpp"

namespace kutse::certificate {

common::Date ExpiryReminderHorizon(const common::Date& today) {
  int months = today.month - 1 + kExpiryReminderMonths;
  common::Date horizon{today.year + months / 12, months % 12 + 1, today.day};
  while (!common::IsValidDate(horizon.year, horizon.month, horizon.day)) {
    --horizon.day;
  }
  return horizon;
}

}  // namespace kutse::certificate
