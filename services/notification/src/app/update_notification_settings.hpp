// A person's new choice of channels. A new e-mail address waits for its code: the code goes to that
// address (a confirmation delivery), only its hash is kept, and until it is confirmed no notice is
// mailed there (the confirmed address, if any, stays in use). The same waiting address again sends no
// second code while the first is valid.
#pragma once

#include <pqxx/pqxx>
#include <string>

#include "db/person_settings_repository.hpp"
#include "dto/settings_requests.hpp"
#include "kutse/common/clock.hpp"
#include "notification_settings.hpp"

namespace kutse::notification::app {

inline constexpr int kMaxCodeAttempts = 5;

PersonSettings UpdateNotificationSettings(pqxx::work& work, const NotificationSettings& settings,
                                          const common::Clock& clock, const std::string& personal_code,
                                          const dto::SettingsUpdate& update);

// The hash a code is kept as: bound to its person, so one person's code never confirms another's.
std::string CodeHash(const std::string& personal_code, const std::string& code);

}  // namespace kutse::notification::app
